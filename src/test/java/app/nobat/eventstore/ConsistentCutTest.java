package app.nobat.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cut a backup copies up to stops below an append that is still being written, and only there. */
class ConsistentCutTest {

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
    void anAppendInFlightHoldsTheCutBelowItsFirstIndexUntilItIsWritten() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer());
        MongoEventStorageEngine engine = new MongoEventStorageEngine(builder) {
            @Override
            void writeReserved(long firstIndex, List<? extends EventMessage<?>> events, Serializer serializer) {
                if (events.get(0).getPayload() instanceof TestEvents.TicketIssued t
                        && t.ticket().startsWith("slow")) {
                    writing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.writeReserved(firstIndex, events, serializer);
            }
        };
        // given three events stored
        engine.appendEvents(List.of(TestEvents.issued("a", 0), TestEvents.issued("a", 1), TestEvents.issued("a", 2)));
        assertThat(engine.consistentCut()).isEqualTo(3);

        // when an append of two reserves 4 and 5 and is still writing, and a later one of one is written at 6
        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> engine.appendEvents(List.of(TestEvents.issued("slow-b", 0), TestEvents.issued("slow-b", 1))));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(List.of(TestEvents.issued("c", 0)));

        // then the cut stays at 3, below the append in flight, though 6 is stored
        assertThat(engine.currentCounter()).isEqualTo(6);
        assertThat(engine.consistentCut()).isEqualTo(3);

        // and moves to the head once it is written
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        assertThat(engine.consistentCut()).isEqualTo(6);
    }
}
