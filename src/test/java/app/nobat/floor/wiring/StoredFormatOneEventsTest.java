package app.nobat.floor.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.eventstore.EmbeddedMongo;
import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.FloorStarted;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.platform.axon.EventNames;
import app.nobat.platform.axon.FormatOneNames;
import app.nobat.platform.axon.NamedTypeSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Events stored before names and revisions (data format 1), as the documents really were, read
 * through the storage engine with today's serializer and upcasters.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class StoredFormatOneEventsTest {

    static final String FLOOR = "gulf:2026-03-21";
    static final Instant AT = Instant.parse("2026-03-21T04:00:00Z");
    static final EventNames NAMES = FloorEventNames.NAMES;

    /**
     * FloorStarted as format 1 stored it (written by the code of commit 68f8e2a): the domain's
     * FloorSettings with its prefixes as a map, under the Java class name, no revision.
     */
    static final String FORMAT_ONE_FLOOR_STARTED = "{\"floorId\":\"gulf:2026-03-21\",\"centreId\":\"gulf\","
            + "\"day\":\"2026-03-21\",\"settings\":{\"timeZone\":\"Asia/Tehran\",\"servicePrefixes\":{\"id\":\"C\","
            + "\"res\":\"A\"},\"deskServices\":{\"d1\":[\"id\",\"res\"],\"d2\":[\"id\"]},\"policy\":{\"weights\":"
            + "{\"NONE\":1.0,\"PREGNANT\":2.0,\"WITH_INFANT\":2.0,\"DISABLED\":2.0,\"ELDERLY\":2.0,"
            + "\"MEDICAL_REFERRAL\":2.0},\"appointmentBoost\":30.0,\"maxPriorityInRow\":2},\"endOfDay\":"
            + "\"CARRY_OVER\",\"maxRecalls\":3},\"at\":\"2026-03-21T04:00:00Z\"}";

    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "id", "C"),
            Map.of("d1", Set.of("res", "id"), "d2", Set.of("id")),
            new QueuePolicySettings(Map.of(PriorityClass.ELDERLY, 2.0), 30.0, 2),
            EndOfDayRule.CARRY_OVER,
            3);

    static final VisitArrived ARRIVED =
            new VisitArrived(FLOOR, "v1", "r1", "res", "A001", 1, PriorityClass.ELDERLY, null, "tok", AT, null, AT);

    @Autowired
    ObjectMapper mapper;

    EmbeddedMongo mongo;
    MongoDatabase database;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.database();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void formatOneEventsReadAsTodaysEventsAndNewOnesAreStoredByName() {
        writeFormatOne();

        MongoEventStorageEngine today = engine(NamedTypeSerializer.create(mapper, NAMES));
        List<? extends DomainEventMessage<?>> read =
                today.readEvents(FLOOR).asStream().toList();

        assertThat(read).hasSize(2);
        FloorStarted started = (FloorStarted) read.get(0).getPayload();
        assertThat(started.settings().services())
                .containsExactly(new FloorEvent.ServicePrefix("id", "C"), new FloorEvent.ServicePrefix("res", "A"));
        assertThat(started.settings().toFloorSettings()).isEqualTo(SETTINGS);
        assertThat(started).isEqualTo(FloorStarted.of(FLOOR, "gulf", "2026-03-21", SETTINGS, AT));
        assertThat(read.get(1).getPayload()).isEqualTo(ARRIVED);
        assertThat(read.get(0).getPayloadType()).isEqualTo(FloorStarted.class);

        // a new event after the old ones: stored by name and revision, and the stream reads whole
        today.appendEvents(new GenericDomainEventMessage<>("Floor", FLOOR, 2, ARRIVED));
        Document stored = events().find(Filters.eq("sequenceNumber", 2L)).first();
        assertThat(stored.getString("payloadType")).isEqualTo("floor.VisitArrived");
        assertThat(stored.getString("payloadRevision")).isEqualTo("1");
        assertThat(today.readEvents(FLOOR).asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactly(started, ARRIVED, ARRIVED);
    }

    @Test
    void theRevisionOneShapeIsUpcastFieldByField() throws Exception {
        var two = FloorStartedUpcaster.toRevisionTwo(mapper.readTree(FORMAT_ONE_FLOOR_STARTED));

        assertThat(two.at("/settings/servicePrefixes").isMissingNode()).isTrue();
        assertThat(two.at("/settings/deskServices").isMissingNode()).isTrue();
        assertThat(two.at("/settings/services").toString())
                .isEqualTo("[{\"code\":\"id\",\"prefix\":\"C\"},{\"code\":\"res\",\"prefix\":\"A\"}]");
        assertThat(two.at("/settings/desks").toString()).isEqualTo("{\"d1\":[\"id\",\"res\"],\"d2\":[\"id\"]}");
        assertThat(two.at("/settings/policy"))
                .isEqualTo(mapper.readTree(FORMAT_ONE_FLOOR_STARTED).at("/settings/policy"));
        assertThat(two.at("/floorId").asText()).isEqualTo(FLOOR);
    }

    /** Stores as format 1 did: Axon's serializer, class names, no revisions; FloorStarted in its old shape. */
    private void writeFormatOne() {
        JacksonSerializer formatOne = JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(type -> null)
                .build();
        MongoEventStorageEngine old = engine(formatOne);
        old.appendEvents(
                new GenericDomainEventMessage<>(
                        "Floor", FLOOR, 0, FloorStarted.of(FLOOR, "gulf", "2026-03-21", SETTINGS, AT)),
                new GenericDomainEventMessage<>("Floor", FLOOR, 1, ARRIVED));
        events().updateOne(Filters.eq("sequenceNumber", 0L), Updates.set("payload", FORMAT_ONE_FLOOR_STARTED));
        Document first = events().find(Filters.eq("sequenceNumber", 0L)).first();
        assertThat(first.getString("payloadType")).isEqualTo("app.nobat.floor.domain.FloorEvent$FloorStarted");
        assertThat(first.get("payloadRevision")).isNull();
    }

    private MongoCollection<Document> events() {
        return database.getCollection(MongoEventStorageEngine.DEFAULT_EVENTS_COLLECTION);
    }

    private MongoEventStorageEngine engine(Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(new FormatOneNames(NAMES), new FloorStartedUpcaster()))
                .gapTimeout(Duration.ofSeconds(10))
                .build();
    }
}
