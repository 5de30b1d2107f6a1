package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import app.nobat.platform.web.PublicBaseUrl;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The QR code on a printed ticket opens the configured public address, whatever Host the request names. */
@IntegrationTest
class PublicLinksIT {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int MARGIN = 4;

    @Autowired
    WebTestClient http;

    @Autowired
    PublicBaseUrl publicBaseUrl;

    @Test
    void aForgedHostNeverReachesTheTicketsQrCode() throws Exception {
        String token = "Ab3_-Ab3_-Ab3_-Ab3_-xy";
        String expected = publicBaseUrl.page("/track.html", "token", token).toString();

        String plain = qrText(http.get().uri("/api/track/" + token + "/qr.svg"));
        String forgedHost =
                qrText(http.get().uri("/api/track/" + token + "/qr.svg").header("Host", "evil.example"));
        String forwarded = qrText(http.get()
                .uri("/api/track/" + token + "/qr.svg")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example;proto=http"));

        assertThat(plain).isEqualTo(expected).startsWith(publicBaseUrl.base().toString());
        assertThat(forgedHost).isEqualTo(expected).doesNotContain("evil");
        assertThat(forwarded).isEqualTo(expected).doesNotContain("evil");
    }

    @Test
    void theTicketsQrCodeOpensThePageInTheKiosksLanguage() throws Exception {
        String token = "Ab3_-Ab3_-Ab3_-Ab3_-xy";
        String pashto = qrText(http.get().uri("/api/track/" + token + "/qr.svg?lang=ps"));
        String dari = qrText(http.get().uri("/api/track/" + token + "/qr.svg?lang=fa-AF"));

        assertThat(pashto).isEqualTo(publicBaseUrl.base() + "/track.html?token=" + token + "&lang=ps");
        assertThat(dari).endsWith("&lang=fa-AF");
        http.get()
                .uri("/api/track/" + token + "/qr.svg?lang=xx")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unknown-language");
    }

    private static String qrText(WebTestClient.RequestHeadersSpec<?> request) throws Exception {
        String svg = request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return decode(svg);
    }

    /** Reads the SVG's unit squares back into a module matrix (the quiet zone removed) and decodes it. */
    static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).as("a viewBox").isTrue();
        int size = Integer.parseInt(box.group(1)) - 2 * MARGIN;
        BitMatrix modules = new BitMatrix(size);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            modules.set(Integer.parseInt(module.group(1)) - MARGIN, Integer.parseInt(module.group(2)) - MARGIN);
        }
        return new Decoder().decode(modules).getText();
    }
}
