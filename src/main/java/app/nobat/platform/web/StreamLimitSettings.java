package app.nobat.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Live streams open at once per client address and per tracking token (more: 429). */
@ConfigurationProperties("nobat.streams")
public record StreamLimitSettings(
        @DefaultValue("20") int perClient,
        @DefaultValue("5") int perToken) {}
