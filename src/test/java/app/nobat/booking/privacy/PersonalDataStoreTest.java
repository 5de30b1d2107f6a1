package app.nobat.booking.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data is sealed under its visitor's key, with either key store; destroying the key erases it. */
class PersonalDataStoreTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path keyDir;

    MongoServer server;
    MongoClient client;
    MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("nobat");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    static PersonalDataStore.PersonalData data(String ref, Instant retainUntil) {
        return new PersonalDataStore.PersonalData(
                ref,
                "persian-gulf",
                IdentityType.AMAYESH,
                "123456789",
                "+989121234567",
                "ps",
                "7KQ4-M9XH",
                retainUntil);
    }

    void sealsReadsAndErases(VisitorKeys keys) {
        PersonalDataStore store = new PersonalDataStore(database, keys);
        store.save(data("visitor-0001", NOW.plusSeconds(60)));
        store.save(data("visitor-0002", NOW.minusSeconds(60)));

        String stored = database.getCollection(PersonalDataStore.COLLECTION).find().into(new ArrayList<>()).stream()
                .map(Document::toJson)
                .reduce("", String::concat);
        assertThat(stored).contains("visitor-0001").doesNotContain("123456789", "9121234567", "7KQ4-M9XH");
        assertThat(store.find("visitor-0001")).contains(data("visitor-0001", NOW.plusSeconds(60)));

        assertThat(store.purgeExpired(NOW)).isEqualTo(1);
        assertThat(keys.find("visitor-0002")).as("the expired visitor's key").isEmpty();
        assertThat(store.find("visitor-0002")).isEmpty();

        assertThat(store.erase("visitor-0001")).isTrue();
        assertThat(keys.find("visitor-0001")).isEmpty();
        assertThat(store.find("visitor-0001")).isEmpty();
        assertThat(store.erase("visitor-0001")).as("nothing left to erase").isFalse();
    }

    @Test
    void withKeyFiles() throws Exception {
        sealsReadsAndErases(new FileVisitorKeys(keyDir));
        try (Stream<Path> left = Files.walk(keyDir)) {
            assertThat(left.filter(Files::isRegularFile)).as("key files left").isEmpty();
        }
    }

    @Test
    void withAKeyDatabase() {
        sealsReadsAndErases(new MongoVisitorKeys(client.getDatabase("nobat-keys")));
        assertThat(client.getDatabase("nobat-keys")
                        .getCollection(MongoVisitorKeys.COLLECTION)
                        .countDocuments())
                .isZero();
    }

    @Test
    void dataWhoseKeyIsGoneIsUnreadableEvenBeforeItsDocumentIsDeleted() {
        VisitorKeys keys = new FileVisitorKeys(keyDir);
        PersonalDataStore store = new PersonalDataStore(database, keys);
        store.save(data("visitor-0003", NOW.plusSeconds(60)));
        keys.destroy("visitor-0003");
        assertThat(store.find("visitor-0003")).isEmpty();
        assertThat(store.erase("visitor-0003")).as("nothing readable was left").isFalse();
    }

    @Test
    void aKeyFileIsNamedOnlyByAWellFormedReference() {
        VisitorKeys keys = new FileVisitorKeys(keyDir);
        assertThatThrownBy(() -> keys.create("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.find("ab/../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
