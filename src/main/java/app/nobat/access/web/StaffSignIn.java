package app.nobat.access.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsPasswordService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks staff passwords for form login and HTTP Basic. An unknown or disabled account costs the
 * same password hashing as a known one (a check against a hash of a random secret), so that the
 * answer's timing does not tell which user names exist. A hash of an older algorithm is replaced
 * by the current one on the next good sign-in.
 */
public final class StaffSignIn implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager checks;
    private final PasswordEncoder encoder;
    private final String unmatchableHash;

    public StaffSignIn(
            ReactiveUserDetailsService users, PasswordEncoder encoder, ReactiveUserDetailsPasswordService upgrades) {
        this.encoder = encoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.unmatchableHash = encoder.encode(Base64.getEncoder().encodeToString(secret));
        UserDetails nobody = User.withUsername("nobody")
                .password(unmatchableHash)
                .authorities(List.of())
                .build();
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(
                username -> users.findByUsername(username).defaultIfEmpty(nobody));
        manager.setPasswordEncoder(encoder);
        manager.setUserDetailsPasswordService(upgrades);
        manager.setPostAuthenticationChecks(user -> {
            if (user == nobody) { // unreachable without the random secret; refused all the same
                throw new BadCredentialsException("Invalid Credentials");
            }
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("User credentials have expired");
            }
        });
        this.checks = manager;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return checks.authenticate(authentication)
                .onErrorResume(
                        AccountStatusException.class,
                        refused ->
                                // a disabled account is refused before its password is checked: spend the same time
                                // anyway
                                Mono.fromRunnable(() -> encoder.matches(
                                                String.valueOf(authentication.getCredentials()), unmatchableHash))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .then(Mono.error(refused)));
    }
}
