package app.nobat.platform.operations;

import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a read model on purpose: its tracking processor is stopped, its tokens reset (its
 * {@code @ResetHandler} forgets the stored documents) and started again, so it replays every event
 * from the first while the rest of the application keeps serving. Only processors named as read
 * models are rebuilt: the others send messages or commands, which a replay must not repeat.
 */
public final class ProjectionRebuilds {

    /**
     * One processor on this node.
     *
     * @param position the global index this node's slowest segment has handled; null when it holds none
     * @param head the global index of the store's latest event
     * @param percent how far {@code position} is towards {@code head}, 0 to 100
     * @param replaying a reset is being replayed (Axon's replay token) and has not reached where it was
     */
    public record Progress(
            String processor,
            boolean rebuildable,
            boolean running,
            boolean replaying,
            boolean caughtUp,
            @Nullable Long position,
            long head,
            int percent) {}

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** A rebuild started this recently counts as busy, however quickly it replays: a double click is one rebuild. */
    static final Duration STARTING = Duration.ofSeconds(5);

    /** How long a rebuild waits for this node's worker to claim a segment before it answers. */
    static final Duration CLAIM = Duration.ofSeconds(10);

    private final Supplier<Configuration> axon;
    private final Set<String> readModels;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    public ProjectionRebuilds(Supplier<Configuration> axon, Set<String> readModels) {
        this.axon = axon;
        this.readModels = Set.copyOf(readModels);
    }

    /** Every streaming processor on this node, by name. */
    public List<Progress> all() {
        long head = head();
        List<Progress> all = new ArrayList<>();
        processors().forEach((name, processor) -> all.add(progress(name, processor, head)));
        return all;
    }

    public Progress progress(String name) {
        return progress(name, find(name), head());
    }

    /** Starts the rebuild and answers at once, with the progress at its start. */
    public synchronized Progress rebuild(String name) {
        StreamingEventProcessor processor = find(name);
        if (!readModels.contains(name) || !processor.supportsReset()) {
            throw OperationsRefusal.PROCESSOR_NOT_REBUILDABLE.with("processor", name);
        }
        Instant last = started.get(name);
        boolean starting = last != null && Duration.between(last, Instant.now()).compareTo(STARTING) < 0;
        if (processor.isReplaying() || starting) {
            throw OperationsRefusal.PROCESSOR_BUSY.with("processor", name);
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            // another node claims a segment (or the reset failed): carry on where it was
            log.warn("Rebuild of {} refused: {}", name, e.toString());
            throw OperationsRefusal.PROCESSOR_BUSY.with("processor", name);
        } finally {
            processor.start();
            // a shut-down while the worker is still starting leaves the processor with no worker at all: the
            // next caller (this method is synchronized) finds it holding its segment, or replaying
            awaitClaimed(processor);
        }
        started.put(name, Instant.now());
        log.info("Rebuilding read model {} from the first event", name);
        // its segments may not report yet: it stands at the start, replaying
        return new Progress(name, true, processor.isRunning(), true, false, 0L, head(), 0);
    }

    private static void awaitClaimed(StreamingEventProcessor processor) {
        long until = System.nanoTime() + CLAIM.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Progress progress(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = segments.isEmpty()
                ? null
                : segments.values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(0))
                        .min()
                        .orElse(0);
        boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        int percent;
        if (position == null || head <= 0) {
            percent = caughtUp || head <= 0 ? 100 : 0;
        } else {
            percent = (int) Math.min(100, position * 100 / head);
        }
        return new Progress(
                name,
                readModels.contains(name) && processor.supportsReset(),
                processor.isRunning(),
                processor.isReplaying(),
                caughtUp,
                position,
                head,
                percent);
    }

    private StreamingEventProcessor find(String name) {
        EventProcessor processor =
                axon.get().eventProcessingConfiguration().eventProcessors().get(name);
        if (processor instanceof StreamingEventProcessor streaming) {
            return streaming;
        }
        throw OperationsRefusal.UNKNOWN_PROCESSOR.with("processor", name);
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        axon.get().eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    private long head() {
        return axon.get().eventStore().createHeadToken().position().orElse(0);
    }
}
