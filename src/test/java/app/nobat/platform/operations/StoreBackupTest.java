package app.nobat.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.platform.mongo.BackupFile;
import app.nobat.platform.mongo.EmbeddedMongo;
import app.nobat.platform.mongo.StoreRestore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup holds the events and the collections that are not read models, the folder keeps the
 * newest few, and a restore gives the same documents with the counter after the last event.
 */
class StoreBackupTest {

    record Noted(String text) {}

    @TempDir
    Path dir;

    @Test
    void backupsAreKeptNewestFirstAndRestoreTheSameDocuments() throws Exception {
        Path folder = dir.resolve("backups");
        List<Document> events;
        List<Path> files = new ArrayList<>();
        try (EmbeddedMongo store = new EmbeddedMongo(dir.resolve("data"));
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("nobat");
            JacksonSerializer serializer = JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                    .build();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(database)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            database.getCollection("staff_accounts").insertOne(new Document("_id", "clerk").append("role", "DESK"));
            database.getCollection("floor_boards").insertOne(new Document("_id", "derived"));
            Instant now = Instant.parse("2026-12-04T02:30:00Z");
            for (int i = 0; i < 3; i++) {
                engine.appendEvents(new GenericDomainEventMessage<>("Note", "n", i, new Noted("note " + i)));
                StoreBackup backup =
                        new StoreBackup(database, engine, folder, 2, Clock.fixed(now.plusSeconds(i), ZoneOffset.UTC));
                files.add(backup.take().file());
            }
            events = database.getCollection("domainevents").find().into(new ArrayList<>());
        }
        // given three backups with a retention of two: the oldest is gone
        assertThat(files.get(0)).doesNotExist();
        assertThat(new StoreBackup(null, null, folder, 2, Clock.systemUTC()).stored())
                .extracting(StoreBackup.Stored::file)
                .containsExactly(files.get(2), files.get(1));

        // when the newest is restored
        BackupFile.Header header = StoreRestore.restore(files.get(2), dir.resolve("restored"), "nobat");

        // then the events and the accounts are there, the read model is not, and the counter is at the last event
        assertThat(header.lastEventIndex()).isEqualTo(3);
        assertThat(header.collections()).containsEntry("domainevents", 3L).containsEntry("staff_accounts", 1L);
        try (EmbeddedMongo store = new EmbeddedMongo(dir.resolve("restored"));
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("nobat");
            assertThat(database.getCollection("domainevents").find().into(new ArrayList<>()))
                    .isEqualTo(events);
            assertThat(database.getCollection("staff_accounts").find().first())
                    .isEqualTo(new Document("_id", "clerk").append("role", "DESK"));
            assertThat(database.getCollection("floor_boards").countDocuments()).isZero();
            assertThat(database.getCollection("eventcounters").find().first().get("value"))
                    .isEqualTo(3L);
        }
        // and the file cut short is refused before anything is written
        Path cut = Files.write(dir.resolve("cut.backup"), Arrays.copyOf(Files.readAllBytes(files.get(2)), 200));
        assertThatThrownBy(() -> StoreRestore.restore(cut, dir.resolve("never"), "nobat"))
                .isInstanceOf(BackupFile.Refused.class);
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
