package app.nobat.platform.metrics;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.platform.mongo.MongoSettings;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health and metrics (README, "Health and metrics"): readiness asks the store ({@code store}) and
 * the event processors ({@code eventProcessors}); the floor and the processors have gauges of their
 * own beside Spring's, Micrometer's and Axon's meters, all exported to Prometheus.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class MetricsConfig {

    /** Health contributor {@code store}. */
    @Bean
    ReactiveHealthIndicator storeHealthIndicator(MongoDatabase database, MongoSettings mongo, HealthSettings health) {
        return new StoreHealth(database, mongo.embedded(), health.timeout());
    }

    @Bean
    ProcessorLag processorLag(ObjectProvider<Configuration> axon, HealthSettings health) {
        return new ProcessorLag(axon::getObject, health.processorLagLimit());
    }

    /** Health contributor {@code eventProcessors}. */
    @Bean
    ReactiveHealthIndicator eventProcessorsHealthIndicator(ProcessorLag lag, HealthSettings health) {
        return new EventProcessorHealth(lag, health.timeout());
    }

    @Bean
    FloorGauges floorGauges(
            MeterRegistry registry,
            CentreCatalog catalog,
            FloorBoardRepository boards,
            Clock clock,
            MetricsSettings settings) {
        return new FloorGauges(registry, catalog, boards, clock, settings);
    }

    @Bean
    ProcessorGauges processorGauges(MeterRegistry registry, ProcessorLag lag) {
        return new ProcessorGauges(registry, lag);
    }
}
