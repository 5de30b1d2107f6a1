package app.nobat.platform.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What readiness asks ({@code nobat.health.*}): an event processor more than {@code processorLagLimit}
 * events behind the store's head is OUT_OF_SERVICE; the store must answer within {@code timeout}.
 */
@ConfigurationProperties("nobat.health")
public record HealthSettings(
        @DefaultValue("1000") long processorLagLimit,
        @DefaultValue("3s") Duration timeout) {}
