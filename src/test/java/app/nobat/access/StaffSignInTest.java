package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.access.web.StaffSignIn;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * Sign-in checks a password hash whether or not the account exists or is enabled (so the time
 * taken tells nothing), and moves old bcrypt hashes to PBKDF2 on a good sign-in. Counted, not
 * timed: a counting encoder shows that the hashing ran.
 */
class StaffSignInTest {

    static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";

    /** The application's encoder (cheap PBKDF2 here: the count matters, not the cost), counting checks. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger matches = new AtomicInteger();
        final PasswordEncoder real = new DelegatingPasswordEncoder(
                PBKDF2,
                Map.of(
                        PBKDF2,
                        new Pbkdf2PasswordEncoder(
                                "", 16, 1000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256),
                        "bcrypt",
                        new BCryptPasswordEncoder(4)));

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            matches.incrementAndGet();
            return real.matches(raw, hash);
        }

        @Override
        public boolean upgradeEncoding(String hash) {
            return real.upgradeEncoding(hash);
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final Map<String, String> upgraded = new ConcurrentHashMap<>();
    final MapReactiveUserDetailsService users = new MapReactiveUserDetailsService(
            User.withUsername("desk.amina")
                    .password(encoder.encode("amber lantern ferry"))
                    .roles("DESK")
                    .build(),
            User.withUsername("desk.old")
                    .password("{bcrypt}" + new BCryptPasswordEncoder(4).encode("amber lantern ferry"))
                    .roles("DESK")
                    .build(),
            User.withUsername("desk.gone")
                    .password(encoder.encode("amber lantern ferry"))
                    .roles("DESK")
                    .disabled(true)
                    .build());
    final StaffSignIn signIn = new StaffSignIn(users, encoder, (user, hash) -> {
        upgraded.put(user.getUsername(), hash);
        return Mono.just(User.withUserDetails(user).password(hash).build());
    });

    Mono<Authentication> attempt(String user, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void anUnknownUserNameGoesThroughThePasswordHashLikeAKnownOne() {
        int before = encoder.matches.get();
        assertThatThrownBy(() -> attempt("desk.amina", "wrong password here").block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches.get()).isEqualTo(before + 1);
        assertThatThrownBy(() -> attempt("nobody.here", "wrong password here").block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches.get()).as("unknown user: one hash check too").isEqualTo(before + 2);
        assertThatThrownBy(() -> attempt("desk.gone", "amber lantern ferry").block())
                .isInstanceOf(DisabledException.class);
        assertThat(encoder.matches.get())
                .as("disabled user: one hash check too")
                .isEqualTo(before + 3);
        assertThat(attempt("desk.amina", "amber lantern ferry").block().getName())
                .isEqualTo("desk.amina");
    }

    @Test
    void aBcryptHashStillSignsInAndIsReplacedByPbkdf2() {
        UserDetails signedIn =
                (UserDetails) attempt("desk.old", "amber lantern ferry").block().getPrincipal();
        assertThat(signedIn.getUsername()).isEqualTo("desk.old");
        assertThat(upgraded.get("desk.old")).startsWith("{" + PBKDF2 + "}");
        assertThat(encoder.real.matches("amber lantern ferry", upgraded.get("desk.old")))
                .isTrue();
        // a password past bcrypt's 72 bytes is a plain failure against a bcrypt hash, not an error
        assertThatThrownBy(() -> attempt("desk.old", "ب".repeat(37)).block())
                .isInstanceOf(BadCredentialsException.class);
    }
}
