package app.nobat.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingCodeTest {

    @Test
    void codesAreEightUnambiguousCharactersInTwoGroups() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = BookingCode.generate(random);
            assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(BookingCode.ALPHABET).doesNotContain("0", "1", "I", "L", "O");
    }

    @Test
    void whatAVisitorTypesIsReadKindly() {
        assertThat(BookingCode.normalize("7kq4-m9xh")).contains("7KQ4-M9XH");
        assertThat(BookingCode.normalize("7KQ4 M9XH")).contains("7KQ4-M9XH");
        assertThat(BookingCode.normalize("7KQ4M9XH")).contains("7KQ4-M9XH");
        assertThat(BookingCode.normalize("۷KQ۴-M۹XH")).contains("7KQ4-M9XH");
    }

    @Test
    void whatCannotBeACodeIsRefused() {
        assertThat(BookingCode.normalize("7KQ4-M9X")).isEmpty();
        assertThat(BookingCode.normalize("OKQ4-M9XH")).isEmpty();
        assertThat(BookingCode.normalize("7KQ4-M9XH-1")).isEmpty();
        assertThat(BookingCode.normalize("{\"$gt\": \"\"}")).isEmpty();
        assertThat(BookingCode.normalize(null)).isEmpty();
    }
}
