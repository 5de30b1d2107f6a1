package app.nobat.access.wiring;

import app.nobat.access.audit.ConfigurationAudit;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.domain.StaffDirectory;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import app.nobat.access.web.LoginThrottle;
import app.nobat.access.web.RateLimits;
import app.nobat.access.web.SignedInStaff;
import app.nobat.access.web.StaffSignIn;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.platform.axon.EventNames;
import app.nobat.platform.web.Blocking;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoAccess.DemoSettings.class)
public class AccessConfig {

    @Bean
    EventNames accessEventNames() {
        return AccessEventNames.NAMES;
    }

    /** The staff directory: the record of administrators' changes to accounts and devices, as events. */
    @Bean
    ConfigurerModule staffDirectory() {
        return configurer ->
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(StaffDirectory.class));
    }

    /** Who changed which configuration, read from the event store. */
    @Bean
    ConfigurationAudit configurationAudit(EventStore events, CentreCatalog catalog) {
        return new ConfigurationAudit(events, catalog);
    }

    @Bean
    @Profile("demo")
    DemoAccess demoAccess(
            DemoAccess.DemoSettings settings,
            StaffAccounts accounts,
            DeviceTokens devices,
            PasswordEncoder encoder,
            Clock clock) {
        return new DemoAccess(settings, accounts, devices, encoder, clock);
    }

    /** With the production profile, any demo credential or default secret stops the start, naming each. */
    @Bean
    @Profile("prod")
    SmartInitializingSingleton productionGuard(
            DemoAccess.DemoSettings demo, Environment environment, StaffAccounts accounts, DeviceTokens devices) {
        return () -> {
            List<String> problems = ProductionGuard.problems(
                    demo,
                    environment.getProperty("nobat.privacy.identity-key"),
                    environment.matchesProfiles("demo"),
                    accounts,
                    devices);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "Refusing to start with the prod profile: " + String.join("; ", problems));
            }
        };
    }

    /** The first administrator of an empty store, from the environment (README, "Production"). */
    @Bean
    FirstAdministrator firstAdministrator(
            FirstAdminSettings settings, StaffAccounts accounts, PasswordEncoder encoder) {
        return new FirstAdministrator(settings.username(), settings.password(), accounts, encoder);
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
    @Order(-200)
    RateLimits rateLimits(RateLimitSettings settings, ObjectMapper json) {
        return new RateLimits(
                new RateLimits.Limits(settings.bookingChangesPerMinute(), settings.publicReadsPerMinute()), json);
    }

    /** Failed sign-ins allowed per account and per address in each window, before 429 (README, Configuration). */
    @Bean
    @Order(-190)
    LoginThrottle loginThrottle(SignInSettings settings, ObjectMapper json) {
        return new LoginThrottle(
                new LoginThrottle.Limits(
                        settings.failuresPerAccount(), settings.failuresPerAddress(), settings.window()),
                json);
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
        return new DelegatingPasswordEncoder(
                pbkdf2,
                Map.of(
                        pbkdf2,
                        Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /** Form login and HTTP Basic: the same time for unknown user names, hashes upgraded on sign-in. */
    @Bean
    ReactiveAuthenticationManager staffSignIn(
            ReactiveUserDetailsService staffUsers, PasswordEncoder encoder, StaffAccounts accounts) {
        return new StaffSignIn(
                staffUsers,
                encoder,
                (user, newHash) -> Blocking.call(() -> {
                    accounts.replaceHash(user.getUsername(), user.getPassword(), newHash);
                    return user instanceof SignedInStaff staff
                            ? staff.withPasswordHash(newHash)
                            : User.withUserDetails(user).password(newHash).build();
                }));
    }

    /**
     * An administrator is also a supervisor, a supervisor also desk staff; an account limited to
     * centres carries one authority per centre ({@code CentreLimits}). The signed-in
     * staff member carries the account's session generation, which ends the session when the
     * account changes.
     */
    @Bean
    ReactiveUserDetailsService staffUsers(StaffAccounts accounts) {
        return username -> Blocking.call(() -> accounts.find(username).map(a -> (UserDetails) new SignedInStaff(
                        a.username(),
                        a.passwordHash(),
                        a.disabled(),
                        Stream.concat(
                                        Arrays.stream(StaffRole.values())
                                                .filter(r ->
                                                        r.ordinal() <= a.role().ordinal())
                                                .map(StaffRole::authority),
                                        a.centres().stream().map(c -> StaffRole.CENTRE_AUTHORITY_PREFIX + c))
                                .map(SimpleGrantedAuthority::new)
                                .toList(),
                        a.sessionGeneration())))
                .flatMap(found -> found.map(Mono::just).orElseGet(Mono::empty));
    }
}
