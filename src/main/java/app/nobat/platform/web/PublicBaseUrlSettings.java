package app.nobat.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nobat.public-base-url}, read into a {@link PublicBaseUrl} at start-up. No default here:
 * application.yml maps NOBAT_PUBLIC_BASE_URL, and only the demo profile gives a fallback.
 */
@ConfigurationProperties("nobat")
public record PublicBaseUrlSettings(String publicBaseUrl) {}
