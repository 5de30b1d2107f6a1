package app.nobat.floor.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.eventstore.EmbeddedMongo;
import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.floor.domain.Floor;
import app.nobat.platform.axon.AggregateWiring;
import java.time.Duration;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A snapshot of an older shape of the floor is skipped, never half-read: the floor is rebuilt from its events. */
class FloorSnapshotRevisionTest {

    EmbeddedMongo mongo;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void onlySnapshotsOfTheFloorsCurrentRevisionAreRead() {
        String floorType =
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Floor.class).type();
        assertThat(floorType).isEqualTo("Floor");
        // the floor's state stands in as a map; its revision is the Floor class's, as the snapshotter writes it
        String floorRevision = new AnnotationRevisionResolver().revisionOf(Floor.class);
        assertThat(floorRevision).isEqualTo("1");
        Serializer current = JacksonSerializer.builder()
                .revisionResolver(type -> floorRevision)
                .build();
        Serializer older =
                JacksonSerializer.builder().revisionResolver(type -> "0").build();
        MongoEventStorageEngine withOlder = engine(older);
        MongoEventStorageEngine reader = engine(current);

        withOlder.storeSnapshot(new GenericDomainEventMessage<>("Floor", "gulf:2026-03-21", 250, Map.of("old", 1)));
        assertThat(reader.readSnapshot("gulf:2026-03-21")).isEmpty();

        reader.storeSnapshot(new GenericDomainEventMessage<>("Floor", "gulf:2026-03-21", 500, Map.of("now", 1)));
        assertThat(reader.readSnapshot("gulf:2026-03-21"))
                .hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(500));
    }

    private MongoEventStorageEngine engine(Serializer snapshots) {
        return MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(snapshots)
                .snapshotFilter(AggregateWiring.snapshotRevision(Floor.class))
                .gapTimeout(Duration.ofSeconds(10))
                .build();
    }
}
