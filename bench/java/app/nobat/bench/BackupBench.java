package app.nobat.bench;

import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.platform.mongo.BackupFile;
import app.nobat.platform.mongo.EmbeddedMongo;
import app.nobat.platform.mongo.StoreRestore;
import app.nobat.platform.operations.StoreBackup;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * How long a backup and a restore of the embedded store take at 200,000 events, against the raw read
 * of the same events (by pages of keys, as the backup reads them) measured in the same run. Not a
 * test: run with {@code ./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=app.nobat.bench.BackupBench
 * -Dexec.classpathScope=test}.
 */
public final class BackupBench {

    record TicketIssued(String ticket, int number, String counter, Instant at) {}

    private static final int EVENTS = 200_000;
    private static final int OTHER_DOCUMENTS = 5_000;
    private static final int EVENTS_PER_AGGREGATE = 100;
    private static final int APPEND_CHUNK = 1_000;
    private static final int PAGE = 1_000;

    public static void main(String[] args) throws Exception {
        Quiet.axon();
        Path dir = Files.createTempDirectory("nobat-backup-bench");
        try {
            run(dir);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void run(Path dir) throws IOException {
        Path data = dir.resolve("data");
        Path backups = dir.resolve("backups");
        Path backupFile;
        double readSeconds;
        double backupSeconds;
        System.out.printf(
                "BackupBench: embedded store (H2 file backend, one operation at a time), %,d events%n", EVENTS);
        try (EmbeddedMongo store = new EmbeddedMongo(data);
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
            long start = System.nanoTime();
            fill(engine);
            MongoCollection<Document> others = database.getCollection("visitor_personal_data");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < OTHER_DOCUMENTS; i++) {
                docs.add(new Document("_id", "v-" + i).append("sealed", "x".repeat(200)));
            }
            others.insertMany(docs);
            store.commit();
            System.out.printf(
                    "filled %,d events and %,d other documents in %.1f s; store file %,d bytes%n",
                    EVENTS, OTHER_DOCUMENTS, seconds(start), Files.size(data.resolve("nobat.mv")));

            start = System.nanoTime();
            long read = rawRead(database);
            readSeconds = seconds(start);
            if (read != EVENTS) {
                throw new IllegalStateException("read " + read + " events");
            }
            System.out.printf(
                    "baseline: raw read of %,d events by pages of %,d keys: %.1f s (%,.0f ns/event)%n",
                    read, PAGE, readSeconds, readSeconds * 1e9 / read);

            StoreBackup backup = new StoreBackup(database, engine, backups, 3, Clock.systemUTC());
            start = System.nanoTime();
            StoreBackup.Taken taken = backup.take();
            backupSeconds = seconds(start);
            backupFile = taken.file();
            System.out.printf(
                    "backup: %.1f s (%,.0f ns/event), %,d documents, file %,d bytes%n",
                    backupSeconds, backupSeconds * 1e9 / EVENTS, taken.header().documents(), taken.bytes());
        }
        long start = System.nanoTime();
        BackupFile.verify(backupFile);
        double verifySeconds = seconds(start);
        System.out.printf("verify alone (length, SHA-256, every document): %.1f s%n", verifySeconds);

        start = System.nanoTime();
        BackupFile.Header header = StoreRestore.restore(backupFile, dir.resolve("restored"), "nobat");
        double restoreSeconds = seconds(start);
        System.out.printf(
                "restore into a fresh directory (verify, write, commit): %.1f s (%,.0f ns/event), %,d documents%n",
                restoreSeconds, restoreSeconds * 1e9 / EVENTS, header.documents());
        System.out.printf("ratio backup / raw read: %.2f%n", backupSeconds / readSeconds);
        System.out.printf("ratio restore / raw read: %.2f%n", restoreSeconds / readSeconds);
    }

    private static void fill(MongoEventStorageEngine engine) {
        Instant at = Instant.parse("2025-01-01T08:00:00Z");
        int stored = 0;
        while (stored < EVENTS) {
            List<EventMessage<?>> chunk = new ArrayList<>(APPEND_CHUNK);
            for (int i = 0; i < APPEND_CHUNK && stored < EVENTS; i++, stored++) {
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

    /** Every event by pages of keys, as raw BSON: what reading the store costs before any writing. */
    private static long rawRead(MongoDatabase database) {
        MongoCollection<RawBsonDocument> events = database.getCollection("domainevents", RawBsonDocument.class);
        long read = 0;
        for (long from = 1; from <= EVENTS; from += PAGE) {
            List<Long> ids = new ArrayList<>(PAGE);
            for (long id = from; id < from + PAGE && id <= EVENTS; id++) {
                ids.add(id);
            }
            for (RawBsonDocument ignored : events.find(Filters.in("_id", ids))) {
                read++;
            }
        }
        return read;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
