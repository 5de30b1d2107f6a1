package app.nobat.platform.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The floor gauges ({@code nobat.metrics.*}): read from today's boards every {@code floorRefresh};
 * calls per minute are counted over the last {@code callsWindow}.
 */
@ConfigurationProperties("nobat.metrics")
public record MetricsSettings(
        @DefaultValue("15s") Duration floorRefresh,
        @DefaultValue("15m") Duration callsWindow) {}
