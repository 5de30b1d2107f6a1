package app.nobat.bench;

import app.nobat.eventstore.MongoEventStorageEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Replay cost per event at 10,000 and at 200,000 stored events, on mongo-java-server's H2 file backend reached
 * through the real driver. Not a test: run with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=app.nobat.bench.ReplayBench -Dexec.classpathScope=test}.
 */
public final class ReplayBench {

    record TicketIssued(String ticket, int number, String counter, Instant at) {}

    private static final int EVENTS_PER_AGGREGATE = 100;
    private static final int APPEND_CHUNK = 1_000;
    private static final int SMALL = 10_000;
    private static final int LARGE = 200_000;
    private static final int BATCH = 100;
    private static final int ROUNDS = 3;

    private final MongoEventStorageEngine engine;
    private final Method fetch;
    private int stored;

    private ReplayBench(MongoEventStorageEngine engine) throws NoSuchMethodException {
        this.engine = engine;
        // fetchTrackedEvents is protected in Axon's BatchingEventStorageEngine; the bench measures exactly it
        this.fetch =
                MongoEventStorageEngine.class.getDeclaredMethod("fetchTrackedEvents", TrackingToken.class, int.class);
        this.fetch.setAccessible(true);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nobat-replay-bench");
        MongoServer server =
                new MongoServer(new H2Backend(dir.resolve("bench.mv").toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            JacksonSerializer serializer = JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                    .build();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(client.getDatabase("bench"))
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .batchSize(BATCH)
                    .build();
            new ReplayBench(engine).run();
        } finally {
            server.shutdown();
            deleteRecursively(dir);
        }
    }

    private void run() throws Exception {
        System.out.printf(
                "ReplayBench: H2 file backend, fetchTrackedEvents batch %d, best of %d rounds%n", BATCH, ROUNDS);
        long fillStart = System.nanoTime();
        fillTo(SMALL);
        System.out.printf("filled %,d events in %.1f s%n", stored, (System.nanoTime() - fillStart) / 1e9);

        double small = bestReplayNsPerEvent(SMALL);
        double loadSmall = bestLoadMicros("q-0");
        System.out.printf(
                "at %,7d events: replay of %,d events: %,10.0f ns/event; load of a %d-event aggregate: %,8.0f us%n",
                stored, SMALL, small, EVENTS_PER_AGGREGATE, loadSmall);

        fillStart = System.nanoTime();
        fillTo(LARGE);
        System.out.printf("filled to %,d events in %.1f s%n", stored, (System.nanoTime() - fillStart) / 1e9);

        double largeFirst = bestReplayNsPerEvent(SMALL);
        double largeFull = bestReplayNsPerEvent(LARGE);
        double loadLargeFirst = bestLoadMicros("q-0");
        double loadLargeLast = bestLoadMicros("q-" + (LARGE / EVENTS_PER_AGGREGATE - 1));
        System.out.printf("at %,7d events: replay of first %,d events: %,10.0f ns/event%n", stored, SMALL, largeFirst);
        System.out.printf("at %,7d events: full replay of %,d events: %,10.0f ns/event%n", stored, LARGE, largeFull);
        System.out.printf(
                "at %,7d events: load of a %d-event aggregate: first %,8.0f us, last %,8.0f us%n",
                stored, EVENTS_PER_AGGREGATE, loadLargeFirst, loadLargeLast);
        System.out.printf("ratio replay per event (first %,d) 200k/10k: %.2f%n", SMALL, largeFirst / small);
        System.out.printf("ratio replay per event (full replay) 200k/10k: %.2f%n", largeFull / small);
        System.out.printf("ratio aggregate load 200k/10k: %.2f%n", loadLargeFirst / loadSmall);
    }

    private void fillTo(int target) {
        Instant at = Instant.parse("2025-01-01T08:00:00Z");
        while (stored < target) {
            List<EventMessage<?>> chunk = new ArrayList<>(APPEND_CHUNK);
            for (int i = 0; i < APPEND_CHUNK && stored < target; i++, stored++) {
                String aggregate = "q-" + (stored / EVENTS_PER_AGGREGATE);
                long seq = stored % EVENTS_PER_AGGREGATE;
                chunk.add(new GenericDomainEventMessage<>(
                        "Queue",
                        aggregate,
                        seq,
                        new TicketIssued(aggregate + "-" + seq, (int) seq, "counter-" + (stored % 7), at)));
            }
            engine.appendEvents(chunk);
        }
    }

    private double bestReplayNsPerEvent(int events) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            int read = replay(events);
            long elapsed = System.nanoTime() - start;
            if (read != events) {
                throw new IllegalStateException("replayed " + read + " events, expected " + events);
            }
            best = Math.min(best, (double) elapsed / read);
        }
        return best;
    }

    @SuppressWarnings("unchecked")
    private int replay(int limit) throws Exception {
        TrackingToken token = null;
        int read = 0;
        while (read < limit) {
            List<? extends TrackedEventData<?>> batch =
                    (List<? extends TrackedEventData<?>>) fetch.invoke(engine, token, Math.min(BATCH, limit - read));
            if (batch.isEmpty()) {
                break;
            }
            read += batch.size();
            token = batch.get(batch.size() - 1).trackingToken();
        }
        return read;
    }

    private double bestLoadMicros(String aggregate) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS * 3; round++) {
            long start = System.nanoTime();
            long count = engine.readEvents(aggregate).asStream().count();
            long elapsed = System.nanoTime() - start;
            if (count != EVENTS_PER_AGGREGATE) {
                throw new IllegalStateException(aggregate + " has " + count + " events");
            }
            best = Math.min(best, elapsed / 1e3);
        }
        return best;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
