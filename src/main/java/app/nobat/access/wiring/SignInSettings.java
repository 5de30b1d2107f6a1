package app.nobat.access.wiring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Failed sign-ins allowed per account and per address in each window, before 429. */
@ConfigurationProperties("nobat.sign-in")
public record SignInSettings(
        @DefaultValue("10") int failuresPerAccount,
        @DefaultValue("50") int failuresPerAddress,
        @DefaultValue("PT15M") Duration window) {}
