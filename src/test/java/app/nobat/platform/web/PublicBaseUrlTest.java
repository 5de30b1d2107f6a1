package app.nobat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

    @Test
    void pagesAreBuiltUnderTheConfiguredAddressAndPath() {
        assertThat(PublicBaseUrl.configured("https://nobat.example.org").page("/track.html", "token", "abc_-1"))
                .hasToString("https://nobat.example.org/track.html?token=abc_-1");
        assertThat(PublicBaseUrl.configured(" https://gov.example/nobat/ ").page("/track.html", "token", "t"))
                .hasToString("https://gov.example/nobat/track.html?token=t");
        assertThat(PublicBaseUrl.configured("http://192.168.1.20:8080").page("/track.html", "token", "t"))
                .hasToString("http://192.168.1.20:8080/track.html?token=t");
    }

    @Test
    void anAddressThatIsMissingOrNotAWebAddressIsRefused() {
        assertThatThrownBy(() -> PublicBaseUrl.configured("")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> PublicBaseUrl.configured(null)).hasMessageContaining("is not set");
        for (String bad : new String[] {
            "nobat.example.org",
            "/track",
            "ftp://x.example",
            "javascript:alert(1)",
            "https://user:pw@x.example",
            "https://x.example/?a=1",
            "https://x.example/#f",
            "https://"
        }) {
            assertThatThrownBy(() -> PublicBaseUrl.configured(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
