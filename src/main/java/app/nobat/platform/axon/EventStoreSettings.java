package app.nobat.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunables of the event store; the defaults suit a centre's load. */
@ConfigurationProperties("nobat.event-store")
public record EventStoreSettings(Duration gapTimeout, Integer batchSize) {
    public EventStoreSettings {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
