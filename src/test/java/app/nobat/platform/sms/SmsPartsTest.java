package app.nobat.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsPartsTest {

    @Test
    void latinTextFitsOneMessageUpTo160AndSplitsBy153() {
        assertThat(SmsParts.of("a".repeat(160)).parts()).hasSize(1);
        SmsParts split = SmsParts.of("a".repeat(161));
        assertThat(split.ucs2()).isFalse();
        assertThat(split.parts()).extracting(String::length).containsExactly(153, 8);
    }

    @Test
    void persianTextIsUcs2Of70OrPartsOf67() {
        assertThat(SmsParts.of("ن".repeat(70)).parts()).hasSize(1);
        SmsParts split = SmsParts.of("ن".repeat(71));
        assertThat(split.ucs2()).isTrue();
        assertThat(split.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(split.parts()).extracting(String::length).containsExactly(67, 4);
    }

    @Test
    void aCharacterOutsideTheSharedAlphabetMakesTheWholeTextUcs2() {
        assertThat(SmsParts.of("Desk 3 \u200E").ucs2()).isTrue();
        assertThat(SmsParts.of("price: 5$").ucs2())
                .as("$ is another octet in GSM 7-bit")
                .isTrue();
        assertThat(SmsParts.of("Ticket A012, desk 3.").ucs2()).isFalse();
    }

    @Test
    void aPartNeverEndsInsideASurrogatePair() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        SmsParts parts = SmsParts.of(text);
        assertThat(parts.parts().get(0)).hasSize(66);
        assertThat(String.join("", parts.parts())).isEqualTo(text);
    }
}
