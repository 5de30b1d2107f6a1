package app.nobat.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How slowly a request may arrive: its head in all, and the pauses within its body. */
@ConfigurationProperties("nobat.http")
public record SlowClientSettings(
        @DefaultValue("20s") Duration requestHeaderTimeout,
        @DefaultValue("30s") Duration readTimeout) {}
