package app.nobat.platform.seed;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the seed files read at start-up live ({@code nobat.seed.*}), as resource patterns.
 *
 * @param centres   centre definitions
 * @param calendars slot templates
 */
@ConfigurationProperties("nobat.seed")
public record SeedSettings(
        @DefaultValue("classpath*:centres/*.yml") List<String> centres,
        @DefaultValue("classpath*:calendars/*.yml") List<String> calendars) {}
