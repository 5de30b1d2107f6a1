package app.nobat.platform.operations;

import app.nobat.common.OwnerOnly;
import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.platform.mongo.BackupFile;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent backup of the running store: the events up to the engine's consistent cut (every
 * append at or below it whole, none above it), then every collection that is a source of truth and
 * not derived from the events — staff accounts, device tokens, voice clips, personal data, the
 * booking-code directory, the messages sent. Read models, processor tokens, snapshots and the event
 * counter are left out: a restore rebuilds them. The collections are read after the events, so a
 * booking in the backup finds its personal data and directory entry (they are written before its
 * events); what they hold beyond the cut is what a crash at the cut would leave, which the sweeps
 * already settle. The visitors' keys are never in it (README, "Personal data").
 */
public final class StoreBackup {

    /** Derived from the events, or the engine's own bookkeeping: a restore rebuilds these. */
    static final Set<String> NOT_BACKED_UP = Set.of(
            MongoEventStorageEngine.DEFAULT_SNAPSHOTS_COLLECTION,
            MongoEventStorageEngine.DEFAULT_COUNTERS_COLLECTION,
            "trackingtokens",
            "floor_boards",
            "floor_visits",
            "tracking_tokens",
            "report_days",
            "booking_calendars",
            "centre_catalog");

    static final String EVENTS = MongoEventStorageEngine.DEFAULT_EVENTS_COLLECTION;
    static final String PREFIX = "nobat-";
    static final String SUFFIX = ".backup";
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int PAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(StoreBackup.class);

    /** One backup written: its file, what it holds and how long it took. */
    public record Taken(Path file, BackupFile.Header header, long bytes, long millis) {}

    /** One backup in the folder. */
    public record Stored(Path file, long bytes, Instant modified) {}

    private final MongoDatabase database;
    private final MongoEventStorageEngine engine;
    private final Path folder;
    private final int keep;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public StoreBackup(MongoDatabase database, MongoEventStorageEngine engine, Path folder, int keep, Clock clock) {
        this.database = database;
        this.engine = engine;
        this.folder = folder;
        this.keep = keep;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /** Takes a backup into the folder, then keeps only the newest {@code keep}; refused while one runs. */
    public Taken take() {
        if (!oneAtATime.tryLock()) {
            throw OperationsRefusal.BACKUP_IN_PROGRESS.with();
        }
        try {
            long started = System.nanoTime();
            Instant now = clock.instant();
            OwnerOnly.directory(folder);
            Path file = folder.resolve(PREFIX + NAME.format(now) + SUFFIX);
            BackupFile.Header header;
            try (BackupFile.Writer writer = new BackupFile.Writer(file)) {
                long cut = engine.consistentCut();
                writeEvents(writer, cut);
                for (String name : backedUpCollections()) {
                    writer.collection(name);
                    for (RawBsonDocument document :
                            database.getCollection(name, RawBsonDocument.class).find()) {
                        writer.document(document);
                    }
                }
                header = writer.finish(now, database.getName(), cut);
            }
            prune();
            Taken taken = new Taken(file, header, Files.size(file), (System.nanoTime() - started) / 1_000_000);
            log.info(
                    "Backup {}: events up to index {}, {} documents, {} bytes, {} ms",
                    file.getFileName(),
                    header.lastEventIndex(),
                    header.documents(),
                    taken.bytes(),
                    taken.millis());
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + folder.toAbsolutePath(), e);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** The events by key, a page of indices at a time (the store answers {@code $in} on _id from its index). */
    private void writeEvents(BackupFile.Writer writer, long cut) throws IOException {
        MongoCollection<RawBsonDocument> events = database.getCollection(EVENTS, RawBsonDocument.class);
        writer.collection(EVENTS);
        List<Long> ids = new ArrayList<>(PAGE);
        for (long from = 1; from <= cut; from += PAGE) {
            ids.clear();
            for (long id = from; id < from + PAGE && id <= cut; id++) {
                ids.add(id);
            }
            List<RawBsonDocument> page = events.find(Filters.in("_id", ids)).into(new ArrayList<>(PAGE));
            page.sort(Comparator.comparingLong(d -> d.get("_id").asNumber().longValue()));
            for (RawBsonDocument document : page) {
                writer.document(document);
            }
        }
    }

    private List<String> backedUpCollections() {
        Set<String> names = new TreeSet<>();
        for (String name : database.listCollectionNames()) {
            if (!name.equals(EVENTS) && !NOT_BACKED_UP.contains(name) && !name.startsWith("system.")) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** The backups in the folder, newest first. */
    public List<Stored> stored() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(StoreBackup::isBackup)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .map(p -> {
                        try {
                            return new Stored(
                                    p,
                                    Files.size(p),
                                    Files.getLastModifiedTime(p).toInstant());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The backup folder " + folder.toAbsolutePath() + " cannot be read", e);
        }
    }

    private void prune() throws IOException {
        List<Stored> all = stored();
        for (Stored old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
            log.info("Backup {} removed (keeping the newest {})", old.file().getFileName(), keep);
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
    }
}
