package app.nobat.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JalaliDatesTest {

    @Test
    void gregorianDatesBecomeSolarHijri() {
        assertThat(JalaliDates.format(LocalDate.parse("2026-03-21"))).isEqualTo("1405-01-01");
        assertThat(JalaliDates.format(LocalDate.parse("2026-11-29"))).isEqualTo("1405-09-08");
        assertThat(JalaliDates.format(LocalDate.parse("2027-03-20"))).isEqualTo("1405-12-29");
    }

    @Test
    void persianAndArabicDigitsReadAsLatin() {
        assertThat(Digits.toLatin("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩")).isEqualTo("0123456789 0123456789");
    }
}
