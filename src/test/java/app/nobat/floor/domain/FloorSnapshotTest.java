package app.nobat.floor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.platform.axon.AxonConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A floor loaded from its snapshot is the floor rebuilt from all its events. */
class FloorSnapshotTest {

    MongoServer server;
    MongoClient client;
    EmbeddedEventStore store;
    Serializer snapshots;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        snapshots = AxonConfig.snapshotSerializer(json);
        var engine = MongoEventStorageEngine.builder()
                .database(client.getDatabase("snap"))
                .eventSerializer(JacksonSerializer.builder().objectMapper(json).build())
                .snapshotSerializer(snapshots)
                .build();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
        client.close();
        server.shutdown();
    }

    @Test
    void aSnapshotRestoresTheWholeFloor() {
        String id = FloorFixtureTest.FLOOR;
        List<Object> events = new ArrayList<>(List.of(
                FloorFixtureTest.started(),
                FloorFixtureTest.opened("d1", "res", "work"),
                FloorFixtureTest.opened("d2", "id")));
        for (int i = 1; i <= 30; i++) {
            events.add(FloorFixtureTest.arrived(
                    i,
                    i % 3 == 0 ? "id" : "res",
                    (i % 3 == 0 ? "C-" : "A-") + i,
                    i,
                    i % 5 == 0 ? PriorityClass.ELDERLY : PriorityClass.NONE,
                    i));
        }
        events.add(new TicketCalled(
                id,
                "d1",
                FloorFixtureTest.v(1),
                "A-1",
                "res",
                "req-1",
                FloorFixtureTest.reason(PriorityClass.NONE, 40, 1, 40, false),
                FloorFixtureTest.at(41)));
        events.add(new ServiceStarted(id, "d1", FloorFixtureTest.v(1), FloorFixtureTest.at(42)));
        events.add(new TicketCalled(
                id,
                "d2",
                FloorFixtureTest.v(3),
                "C-3",
                "id",
                "req-2",
                FloorFixtureTest.reason(PriorityClass.NONE, 40, 1, 40, false),
                FloorFixtureTest.at(43)));
        events.add(new TicketRecalled(id, "d2", FloorFixtureTest.v(3), "C-3", 1, FloorFixtureTest.at(44)));
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>("Floor", id, seq, events.get(seq)));
        }
        store.publish(messages);

        JsonNode fromEvents = load(id);
        AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                .eventStore(store)
                .aggregateFactories(new GenericAggregateFactory<>(Floor.class))
                .build();
        snapshotter.scheduleSnapshot(Floor.class, id);
        assertThat(store.readEvents(id).asStream().findFirst().orElseThrow().getPayload())
                .as("the stream now starts from the snapshot")
                .isInstanceOf(Floor.class);
        assertThat(load(id)).isEqualTo(fromEvents);
        assertThat(fromEvents.toString()).contains("req-1", "C-3", "ELDERLY");
    }

    private JsonNode load(String id) {
        var repository =
                EventSourcingRepository.builder(Floor.class).eventStore(store).build();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            Floor floor = repository.load(id).invoke(f -> f);
            return new ObjectMapper()
                    .readTree(snapshots.serialize(floor, String.class).getData());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            uow.rollback();
        }
    }
}
