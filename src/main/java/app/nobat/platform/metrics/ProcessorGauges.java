package app.nobat.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * This node's event processors as gauges (tag {@code processor}): how many events each is behind
 * the store's head ({@link ProcessorLag}), and whether it is UP (1) or in error, stopped or too far
 * behind (0). Axon's own meters ({@code axon-micrometer}) add the processors' latency in time.
 */
public class ProcessorGauges {

    private record Reading(double lag, double up) {}

    private final MeterRegistry registry;
    private final ProcessorLag lag;
    private final Map<String, Reading> latest = new ConcurrentHashMap<>();

    public ProcessorGauges(MeterRegistry registry, ProcessorLag lag) {
        this.registry = registry;
        this.lag = lag;
    }

    @Scheduled(
            initialDelayString = "${nobat.metrics.floor-refresh:15s}",
            fixedDelayString = "${nobat.metrics.floor-refresh:15s}")
    public void refresh() {
        OptionalLong head;
        try {
            head = OptionalLong.of(lag.headPosition());
        } catch (RuntimeException storeAway) {
            head = OptionalLong.empty();
        }
        for (ProcessorLag.State state : lag.states(head)) {
            Reading reading = new Reading(
                    state.lag() == null ? Double.NaN : state.lag(),
                    state.status().equals(Status.UP) ? 1 : 0);
            if (latest.put(state.processor(), reading) == null) {
                register(state.processor());
            }
        }
    }

    private void register(String processor) {
        Gauge.builder("nobat.event.processor.lag", latest, m -> read(m, processor, Reading::lag))
                .description("Events between the store's head and this node's slowest segment of the processor")
                .baseUnit("events")
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
        Gauge.builder("nobat.event.processor.up", latest, m -> read(m, processor, Reading::up))
                .description("1 while the processor runs, keeps up and has no error; 0 otherwise")
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
    }

    private static double read(Map<String, Reading> latest, String processor, ToDoubleFunction<Reading> field) {
        Reading reading = latest.get(processor);
        return reading == null ? Double.NaN : field.applyAsDouble(reading);
    }
}
