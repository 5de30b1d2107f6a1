package app.nobat.platform.metrics;

import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Status;

/**
 * How far each of this node's streaming event processors (tracking or pooled) is behind the event
 * store's head, in events: the head's global index less the position of the processor's slowest
 * segment on this node. A processor whose segments are all claimed by other nodes has none here
 * and is not behind on this node.
 */
public final class ProcessorLag {

    /**
     * One processor on this node.
     *
     * @param lag events behind the head (the slowest segment), null when the head is unknown
     * @param segments the segments this node works on
     * @param problem why it is not UP: {@code error} (its handlers fail, it retries), {@code stopped}
     *     or {@code behind} (further than the limit, unless it replays a reset: a rebuild on purpose);
     *     null when UP
     * @param error the failure's type, for an administrator (never its message, which may carry data)
     */
    public record State(
            String processor,
            Status status,
            @Nullable Long lag,
            int segments,
            @Nullable String problem,
            @Nullable String error) {}

    private final Supplier<Configuration> axon;
    private final long limit;

    public ProcessorLag(Supplier<Configuration> axon, long limit) {
        this.axon = axon;
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The store's head: the global index of the latest event. Reads the store. */
    public long headPosition() {
        return axon.get().eventStore().createHeadToken().position().orElse(0);
    }

    /** Each streaming processor by name; {@code head} empty when the store could not be asked. */
    public List<State> states(OptionalLong head) {
        Map<String, EventProcessor> processors =
                new TreeMap<>(axon.get().eventProcessingConfiguration().eventProcessors());
        List<State> states = new ArrayList<>();
        processors.forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                states.add(state(name, streaming, head));
            }
        });
        return states;
    }

    State state(String name, StreamingEventProcessor processor, OptionalLong head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        String error = segments.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null
                        ? "unknown"
                        : s.getError().getClass().getSimpleName())
                .findFirst()
                .orElse(null);
        Long lag = null;
        if (head.isPresent()) {
            long slowest = segments.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(0))
                    .min()
                    .orElse(head.getAsLong());
            lag = Math.max(0, head.getAsLong() - slowest);
        }
        if (error != null || processor.isError()) {
            return new State(name, Status.DOWN, lag, segments.size(), "error", error);
        }
        if (!processor.isRunning()) {
            return new State(name, Status.DOWN, lag, segments.size(), "stopped", null);
        }
        // a read model rebuilt on purpose (a reset, replayed) is behind by design while the node serves
        if (lag != null && lag > limit && !processor.isReplaying()) {
            return new State(name, Status.OUT_OF_SERVICE, lag, segments.size(), "behind", null);
        }
        return new State(name, Status.UP, lag, segments.size(), null, null);
    }
}
