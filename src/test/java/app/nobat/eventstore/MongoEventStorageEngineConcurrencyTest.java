package app.nobat.eventstore;

import static app.nobat.eventstore.TestEvents.issued;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent writers: distinct indices from the counter, and exactly one winner per aggregate sequence number. */
class MongoEventStorageEngineConcurrencyTest {

    private EmbeddedMongo mongo;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void concurrentWritersGetDistinctIndicesAndOneWinnerPerSequence() throws Exception {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer())
                .build();
        int threads = 4;
        int rounds = 25;
        AtomicInteger contendedWins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        // own aggregate: never conflicts
                        engine.appendEvents(issued("own-" + thread, 2L * r), issued("own-" + thread, 2L * r + 1));
                        // shared aggregate: read the last sequence number, append the next one, lose sometimes
                        long next = engine.lastSequenceNumberFor("shared")
                                .map(s -> s + 1)
                                .orElse(0L);
                        try {
                            engine.appendEvents(issued("shared", next));
                            contendedWins.incrementAndGet();
                        } catch (ConcurrencyException | AggregateStreamCreationException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }

        List<? extends DomainEventMessage<?>> shared =
                engine.readEvents("shared").asStream().toList();
        assertThat(shared).hasSize(contendedWins.get());
        for (int i = 0; i < shared.size(); i++) {
            assertThat(shared.get(i).getSequenceNumber()).isEqualTo(i);
        }
        assertThat(contendedWins.get() + conflicts.get()).isEqualTo(threads * rounds);

        int expected = threads * rounds * 2 + contendedWins.get();
        List<? extends TrackedEventMessage<?>> all =
                engine.readEvents(null, false).toList();
        assertThat(all).hasSize(expected);
        Set<String> ids = new HashSet<>();
        all.forEach(e -> ids.add(e.getIdentifier()));
        assertThat(ids).hasSize(expected);
        // failed appends leave exactly their reserved index unused
        GapAwareTrackingToken last =
                (GapAwareTrackingToken) all.get(all.size() - 1).trackingToken();
        assertThat(last.getIndex()).isLessThanOrEqualTo(expected + conflicts.get());
        assertThat(engine.createHeadToken())
                .isEqualTo(GapAwareTrackingToken.newInstance(expected + conflicts.get(), Set.of()));
        assertThat(all.stream().map(EventMessage::getIdentifier).distinct().count())
                .isEqualTo(expected);
    }

    @Test
    void aGlobalIndexTakenByAnotherWriterIsDetectedAndTheAppendRetriedWithAFreshBlock() {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer())
                .build();
        engine.appendEvents(issued("queue-A", 0)); // 1
        // a writer in another process that was handed index 2 without the counter showing it to us
        DomainEventMessage<?> foreign = issued("queue-F", 0);
        engine.writeReserved(2, List.of(foreign), engine.getEventSerializer());
        DomainEventMessage<?> mine = issued("queue-A", 1);
        engine.appendEvents(mine); // collides on 2, retried at 3

        List<? extends TrackedEventMessage<?>> all =
                engine.readEvents(null, false).toList();
        assertThat(all)
                .extracting(EventMessage::getIdentifier)
                .containsExactly(all.get(0).getIdentifier(), foreign.getIdentifier(), mine.getIdentifier());
        assertThat(((GapAwareTrackingToken) all.get(2).trackingToken()).getIndex())
                .isEqualTo(3L);
        assertThat(engine.readEvents("queue-F").asStream().count()).isEqualTo(1);
        assertThat(engine.lastSequenceNumberFor("queue-A")).contains(1L);
    }
}
