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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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

    /** bcrypt by default, with the algorithm's name stored in each hash so that it can be changed later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * An administrator is also a supervisor, a supervisor also desk staff. The signed-in staff member
     * carries the account's session generation, which ends the session when the account changes.
     */
    @Bean
    ReactiveUserDetailsService staffUsers(StaffAccounts accounts) {
        return username -> Blocking.call(() -> accounts.find(username)
                        .map(a -> (UserDetails) new SignedInStaff(a.username(), a.passwordHash(), a.disabled(),
                                Arrays.stream(StaffRole.values()).filter(r -> r.ordinal() <= a.role().ordinal())
                                        .map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                                a.sessionGeneration())))
                .flatMap(found -> found.map(reactor.core.publisher.Mono::just).orElseGet(reactor.core.publisher.Mono::empty));
    }
}
