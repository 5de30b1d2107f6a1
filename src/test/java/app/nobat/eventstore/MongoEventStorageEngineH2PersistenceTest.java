package app.nobat.eventstore;

import static app.nobat.eventstore.TestEvents.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.eventstore.TestEvents.QueueState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the H2 file backend and reopens it to show that events, counter, indexes and snapshots persist. */
class MongoEventStorageEngineH2PersistenceTest {

    @TempDir
    Path dir;

    private MongoEventStorageEngine engine(EmbeddedMongo mongo, JacksonSerializer serializer) {
        return MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(7)
                .build();
    }

    @Test
    void eventsSnapshotsAndTheCounterSurviveAReopen() {
        Path file = dir.resolve("events.mv");
        JacksonSerializer serializer = TestEvents.serializer();
        List<String> written = new ArrayList<>();
        GapAwareTrackingToken tokenBefore;
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file)) {
            MongoEventStorageEngine engine = engine(mongo, serializer);
            List<EventMessage<?>> events = new ArrayList<>();
            for (int seq = 0; seq < 20; seq++) {
                events.add(issued("queue-A", seq));
            }
            engine.appendEvents(events);
            events.forEach(e -> written.add(e.getIdentifier()));
            engine.storeSnapshot(new GenericDomainEventMessage<>("Queue", "queue-A", 19, new QueueState("A", 19)));
            tokenBefore = (GapAwareTrackingToken) engine.createHeadToken();
            assertThat(tokenBefore.getIndex()).isEqualTo(20L);
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file)) {
            MongoEventStorageEngine engine = engine(mongo, serializer);
            assertThat(engine.createHeadToken()).isEqualTo(tokenBefore);
            assertThat(engine.readEvents("queue-A")
                            .asStream()
                            .map(DomainEventMessage::getSequenceNumber)
                            .toList())
                    .hasSize(20)
                    .startsWith(0L)
                    .endsWith(19L);
            assertThat(engine.lastSequenceNumberFor("queue-A")).contains(19L);
            assertThat(engine.readSnapshot("queue-A").orElseThrow().getPayload())
                    .isEqualTo(new QueueState("A", 19));
            assertThat(engine.readEvents(null, false)
                            .map(EventMessage::getIdentifier)
                            .toList())
                    .containsExactlyElementsOf(written);

            // the unique aggregate key index is still in force, and the counter continues after the reopen
            assertThatThrownBy(() -> engine.appendEvents(issued("queue-A", 19)))
                    .isInstanceOf(ConcurrencyException.class);
            engine.appendEvents(issued("queue-A", 20));
            List<? extends TrackedEventData<?>> next = engine.fetchTrackedEvents(tokenBefore, 7);
            assertThat(next).hasSize(1);
            GapAwareTrackingToken token = (GapAwareTrackingToken) next.get(0).trackingToken();
            assertThat(token.getIndex()).isEqualTo(22L); // 21 was taken by the failed append
            assertThat(token.getGaps()).containsExactly(21L);
        }
    }
}
