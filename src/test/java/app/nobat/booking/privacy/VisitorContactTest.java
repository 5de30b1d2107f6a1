package app.nobat.booking.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.nobat.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisitorContactTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "09121234567",
                "+989121234567",
                "00989121234567",
                "0912 123 4567",
                "۰۹۱۲۱۲۳۴۵۶۷",
                "9121234567",
                "0912-123-4567"
            })
    void iranianMobilesInEveryCommonFormAreOneNumber(String typed) {
        assertThat(VisitorContact.of(IdentityType.FOREIGN_NATIONAL_ID, "123456789012", typed, "fa")
                        .phone())
                .isEqualTo("+989121234567");
    }

    @Test
    void afghanMobilesCarryTheirCountryCode() {
        assertThat(VisitorContact.of(IdentityType.PASSPORT, "P01234567", "+93 70 123 4567", "ps")
                        .phone())
                .isEqualTo("+93701234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "02112345678", "+1 555 123 4567", "0912123456", "abc"})
    void otherNumbersAreRefusedWithoutEchoingThem(String typed) {
        assertThatThrownBy(() -> VisitorContact.of(IdentityType.AMAYESH, "12345678", typed, "fa"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("phone must be")
                .hasMessageNotContaining(typed.isEmpty() ? "\u0000" : typed);
    }

    @Test
    void identityNumbersAreCheckedByDocumentTypeAndPersianDigitsAreRead() {
        assertThat(VisitorContact.of(IdentityType.FOREIGN_NATIONAL_ID, "۱۲۳۴ ۵۶۷۸ ۹۰۱۲", "09121234567", null)
                        .identityNumber())
                .isEqualTo("123456789012");
        assertThat(VisitorContact.of(IdentityType.PASSPORT, "p 0123 4567", "09121234567", "en")
                        .identityNumber())
                .isEqualTo("P01234567");
        assertThatThrownBy(() -> VisitorContact.of(IdentityType.FOREIGN_NATIONAL_ID, "12345", "09121234567", "fa"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("12 digits")
                .hasMessageNotContaining("12345");
        assertThatThrownBy(() -> VisitorContact.of(null, "12345", "09121234567", "fa"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> VisitorContact.of(IdentityType.AMAYESH, "{\"$gt\": \"\"}", "09121234567", "fa"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aWrongIdentityNumberAndAWrongPhoneAreRefusedTogether() {
        assertThatThrownBy(() -> VisitorContact.of(IdentityType.FOREIGN_NATIONAL_ID, "12345", "12345", "fa"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo("identity-number-invalid");
                    assertThat(e.each())
                            .extracting(InvalidInput::field, InvalidInput::code)
                            .containsExactly(
                                    tuple("/identityNumber", "identity-number-invalid"),
                                    tuple("/phone", "phone-invalid"));
                });
    }

    @Test
    void theLanguageIsOneOfTheFour() {
        assertThat(VisitorContact.of(IdentityType.AMAYESH, "12345678", "09121234567", null)
                        .language())
                .isEqualTo("fa");
        assertThatThrownBy(() -> VisitorContact.of(IdentityType.AMAYESH, "12345678", "09121234567", "de"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void theKeyedHashIsStableSecretDependentAndHidesTheNumber() {
        IdentityKeys keys = new IdentityKeys("a-test-secret-of-enough-length");
        String hash = keys.hash(IdentityType.FOREIGN_NATIONAL_ID, "123456789012");
        assertThat(keys.hash(IdentityType.FOREIGN_NATIONAL_ID, "123456789012")).isEqualTo(hash);
        assertThat(keys.hash(IdentityType.AMAYESH, "123456789012")).isNotEqualTo(hash);
        assertThat(new IdentityKeys("another-secret-of-enough-length")
                        .hash(IdentityType.FOREIGN_NATIONAL_ID, "123456789012"))
                .isNotEqualTo(hash);
        assertThat(hash).doesNotContain("123456789012").hasSize(43);
        assertThatThrownBy(() -> new IdentityKeys("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
