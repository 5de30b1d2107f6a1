package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.nobat.access.staff.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The staff password policy: lengths in characters (code points), not bytes; no user name; no common ones. */
class PasswordPolicyTest {

    /** 37 Persian letters: 74 bytes of UTF-8, past bcrypt's 72. */
    static final String PERSIAN = "کاروانسرایبزرگدرکنارجادهابریشمبودهاست";

    @Test
    void aLongPersianPassphraseAndTwoHundredCharactersAreAccepted() {
        assertThat(PERSIAN.codePointCount(0, PERSIAN.length())).isEqualTo(37);
        assertThat(PERSIAN.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        assertThatCode(() -> PasswordPolicy.check("desk.amina", PERSIAN)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("desk.amina", "x7-".repeat(66) + "yz"))
                .doesNotThrowAnyException();
        // 12 characters in astral code points are 24 UTF-16 units, still 12 characters
        assertThatCode(() -> PasswordPolicy.check("desk.amina", "𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁𝕂𝕃"))
                .doesNotThrowAnyException();
    }

    @Test
    void eachRefusalHasItsOwnCode() {
        assertThat(code("desk.amina", null)).isEqualTo("password-required");
        assertThat(code("desk.amina", "short-pass1")).isEqualTo("password-too-short");
        assertThat(code("desk.amina", "گذرواژهکوتاه".substring(0, 11))).isEqualTo("password-too-short");
        assertThat(code("desk.amina", "x".repeat(150) + "y".repeat(51))).isEqualTo("password-too-long");
        assertThat(code("desk.amina", "my name is Desk.Amina!")).isEqualTo("password-contains-username");
        assertThat(code("desk.amina", "desk.amina")).isEqualTo("password-too-short");
        assertThat(code("desk.amina", "Password1234")).isEqualTo("password-too-common");
        assertThat(code("desk.amina", "qwertyuiopasdfgh")).isEqualTo("password-too-common");
        assertThat(code("desk.amina", "aaaaaaaaaaaaaaaa")).isEqualTo("password-too-common");
    }

    private static String code(String username, String password) {
        return catchThrowableOfType(PasswordPolicy.Refused.class, () -> PasswordPolicy.check(username, password))
                .code();
    }
}
