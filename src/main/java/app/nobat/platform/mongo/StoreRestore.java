package app.nobat.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Restores a backup file into a fresh data directory of the embedded store: the file is verified
 * whole first, the store is written in a directory beside the target and moved into place only when
 * complete, so a refused file, a full disk or a crash leaves the target as it was. The event counter
 * is set to the backup's last event index; read models and processor tokens are not in a backup, so
 * the application rebuilds every read model by replaying the events when it starts.
 */
public final class StoreRestore {

    static final String EVENTS_COUNTER_COLLECTION = "eventcounters";
    private static final int BATCH = 1000;

    private StoreRestore() {}

    /** @return the restored file's header */
    public static BackupFile.Header restore(Path file, Path dataDir, String database) {
        if (Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
            throw new BackupFile.Refused(dataDir.toAbsolutePath()
                    + ": it is not empty; restore into a fresh data directory (nobat.mongo.data-dir)");
        }
        BackupFile.Header header = BackupFile.verify(file);
        Path staging =
                dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".restoring-" + UUID.randomUUID());
        try {
            try (EmbeddedMongo store = new EmbeddedMongo(staging);
                    MongoClient client = MongoClients.create(store.connectionString())) {
                write(file, client.getDatabase(database), header);
                store.commit();
            }
            if (Files.exists(dataDir)) {
                Files.delete(dataDir); // empty, checked above
            }
            Files.move(staging, dataDir);
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring " + file + " failed", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void write(Path file, MongoDatabase database, BackupFile.Header header) {
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        AtomicReference<MongoCollection<RawBsonDocument>> current = new AtomicReference<>();
        BackupFile.read(file, new BackupFile.Reader() {
            @Override
            public void collection(String name) {
                flush();
                current.set(database.getCollection(name, RawBsonDocument.class));
            }

            @Override
            public void document(RawBsonDocument document) {
                batch.add(document);
                if (batch.size() == BATCH) {
                    flush();
                }
            }

            private void flush() {
                if (!batch.isEmpty()) {
                    current.get().insertMany(batch, new InsertManyOptions().ordered(true));
                    batch.clear();
                }
            }
        });
        if (!batch.isEmpty()) {
            current.get().insertMany(batch, new InsertManyOptions().ordered(true));
        }
        // the next event takes the index after the backup's last one
        database.getCollection(EVENTS_COUNTER_COLLECTION)
                .insertOne(new Document("_id", "events").append("value", header.lastEventIndex()));
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging directory holds nothing the target needs
        }
    }
}
