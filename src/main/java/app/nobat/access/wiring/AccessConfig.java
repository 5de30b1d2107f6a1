package app.nobat.access.wiring;

import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import app.nobat.access.web.SignedInStaff;
import app.nobat.platform.web.Blocking;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoAccess.DemoSettings.class)
public class AccessConfig {

    @Bean
    @Profile("demo")
    DemoAccess demoAccess(DemoAccess.DemoSettings settings, StaffAccounts accounts, DeviceTokens devices,
                          PasswordEncoder encoder, Clock clock) {
        return new DemoAccess(settings, accounts, devices, encoder, clock);
    }

    /** With the production profile, any demo credential or default secret stops the start, naming each. */
    @Bean
    @Profile("prod")
    SmartInitializingSingleton productionGuard(DemoAccess.DemoSettings demo, Environment environment,
                                               StaffAccounts accounts, DeviceTokens devices) {
        return () -> {
            List<String> problems = ProductionGuard.problems(demo,
                    environment.getProperty("nobat.privacy.identity-key"),
                    environment.matchesProfiles("demo"), accounts, devices);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Refusing to start with the prod profile: " + String.join("; ", problems));
            }
        };
    }

    /** The first administrator of an empty store, from the environment (README, "Production"). */
    @Bean
    FirstAdministrator firstAdministrator(
            @org.springframework.beans.factory.annotation.Value("${nobat.first-admin.username:}") String username,
            @org.springframework.beans.factory.annotation.Value("${nobat.first-admin.password:}") String password,
            StaffAccounts accounts, PasswordEncoder encoder) {
        return new FirstAdministrator(username, password, accounts, encoder);
    }

    @Bean
    StaffAccounts staffAccounts(MongoDatabase database) {
        return new StaffAccounts(database);
    }

    @Bean
    DeviceTokens deviceTokens(MongoDatabase database) {
        return new DeviceTokens(database);
    }

    /**
     * Applied before security to requests without a credential, so that a flood is refused before any
     * password is checked, and inside it (SecurityRules) to requests whose credential did not authenticate.
     */
    @Bean
    @org.springframework.core.annotation.Order(-200)
    app.nobat.access.web.RateLimits rateLimits(
            @org.springframework.beans.factory.annotation.Value("${nobat.rate-limit.booking-changes-per-minute:20}") int changes,
            @org.springframework.beans.factory.annotation.Value("${nobat.rate-limit.public-reads-per-minute:240}") int reads,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return new app.nobat.access.web.RateLimits(new app.nobat.access.web.RateLimits.Limits(changes, reads), json);
    }

    /** Failed sign-ins allowed per account and per address in each window, before 429 (README, Configuration). */
    @Bean
    @org.springframework.core.annotation.Order(-190)
    app.nobat.access.web.LoginThrottle loginThrottle(
            @org.springframework.beans.factory.annotation.Value("${nobat.sign-in.failures-per-account:10}") int account,
            @org.springframework.beans.factory.annotation.Value("${nobat.sign-in.failures-per-address:50}") int address,
            @org.springframework.beans.factory.annotation.Value("${nobat.sign-in.window:PT15M}") java.time.Duration window,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return new app.nobat.access.web.LoginThrottle(
                new app.nobat.access.web.LoginThrottle.Limits(account, address, window), json);
    }

    /**
     * PBKDF2-HMAC-SHA256 (Spring Security's 5.8 defaults: 310,000 iterations, JDK only) for new
     * hashes: unlike bcrypt it takes passwords of any length (bcrypt stops at 72 bytes, which a
     * Persian passphrase of 37 letters reaches). Each hash names its algorithm, so earlier {bcrypt}
     * hashes still sign in, and are re-hashed with PBKDF2 when they do.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String pbkdf2 = "pbkdf2@SpringSecurity_v5_8";
        return new org.springframework.security.crypto.password.DelegatingPasswordEncoder(pbkdf2, java.util.Map.of(
                pbkdf2, org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()));
    }

    /** Form login and HTTP Basic: the same time for unknown user names, hashes upgraded on sign-in. */
    @Bean
    org.springframework.security.authentication.ReactiveAuthenticationManager staffSignIn(
            ReactiveUserDetailsService staffUsers, PasswordEncoder encoder, StaffAccounts accounts) {
        return new app.nobat.access.web.StaffSignIn(staffUsers, encoder, (user, newHash) -> Blocking.call(() -> {
            accounts.replaceHash(user.getUsername(), user.getPassword(), newHash);
            return user instanceof app.nobat.access.web.SignedInStaff staff ? staff.withPasswordHash(newHash)
                    : User.withUserDetails(user).password(newHash).build();
        }));
    }

    /**
     * An administrator is also a supervisor, a supervisor also desk staff; an account limited to
     * centres carries one authority per centre (app.nobat.access.web.CentreLimits). The signed-in
     * staff member carries the account's session generation, which ends the session when the
     * account changes.
     */
    @Bean
    ReactiveUserDetailsService staffUsers(StaffAccounts accounts) {
        return username -> Blocking.call(() -> accounts.find(username)
                        .map(a -> (UserDetails) new SignedInStaff(a.username(), a.passwordHash(), a.disabled(),
                                java.util.stream.Stream.concat(
                                        Arrays.stream(StaffRole.values()).filter(r -> r.ordinal() <= a.role().ordinal())
                                                .map(StaffRole::authority),
                                        a.centres().stream().map(c -> StaffRole.CENTRE_AUTHORITY_PREFIX + c))
                                        .map(SimpleGrantedAuthority::new).toList(),
                                a.sessionGeneration())))
                .flatMap(found -> found.map(reactor.core.publisher.Mono::just).orElseGet(reactor.core.publisher.Mono::empty));
    }
}
