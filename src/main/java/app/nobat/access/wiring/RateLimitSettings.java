package app.nobat.access.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Visitor requests allowed per client address and minute (README, "Configuration"). */
@ConfigurationProperties("nobat.rate-limit")
public record RateLimitSettings(
        @DefaultValue("20") int bookingChangesPerMinute,
        @DefaultValue("240") int publicReadsPerMinute) {}
