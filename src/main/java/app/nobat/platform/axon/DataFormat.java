package app.nobat.platform.axon;

import app.nobat.eventstore.MongoEventStorageEngine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of the stored data's format, kept with the data ({@code nobat_format}). Data of a
 * newer format is refused at start, before anything reads or writes it; older data is read
 * through the upcasters (docs/event-versioning.md) and its version raised, with a log line.
 *
 * <ol>
 *   <li>events stored under their Java class names, without revisions;
 *   <li>events stored under registered names ({@link EventNames}) with revisions.
 * </ol>
 */
public final class DataFormat {

    public static final int CURRENT = 2;
    static final String COLLECTION = "nobat_format";
    private static final String ID = "data";
    private static final Logger log = LoggerFactory.getLogger(DataFormat.class);

    private final MongoCollection<Document> formats;
    private final MongoCollection<Document> events;

    public DataFormat(MongoDatabase database) {
        this.formats = database.getCollection(COLLECTION);
        this.events = database.getCollection(MongoEventStorageEngine.DEFAULT_EVENTS_COLLECTION);
    }

    /** Refuses data of a newer format; records the current one on a new or older store. */
    public void checkAndRecord() {
        Document stored = formats.find(Filters.eq("_id", ID)).first();
        int found = stored != null
                ? stored.getInteger("version", 1)
                : events.find().limit(1).first() == null ? 0 : 1;
        if (found > CURRENT) {
            throw new NewerDataFormat(found, CURRENT);
        }
        if (found == CURRENT) {
            return;
        }
        if (found > 0) {
            log.info(
                    "Upgrading the stored data from format {} to {}: older events are read through the upcasters"
                            + " (docs/event-versioning.md); new events are stored in format {}",
                    found,
                    CURRENT,
                    CURRENT);
        }
        formats.replaceOne(
                Filters.eq("_id", ID),
                new Document("_id", ID)
                        .append("version", CURRENT)
                        .append("since", Instant.now().toString())
                        .append("upgradedFrom", found == 0 ? null : found),
                new ReplaceOptions().upsert(true));
    }

    /** The data was written by a newer version of Nobat than this one. */
    public static final class NewerDataFormat extends IllegalStateException {
        public final int found;
        public final int readable;

        NewerDataFormat(int found, int readable) {
            super("The stored data is in format " + found + ", written by a newer version of Nobat; this version"
                    + " reads formats up to " + readable + ". Start the newer version, or restore a backup made"
                    + " by this one. Nothing was changed.");
            this.found = found;
            this.readable = readable;
        }
    }
}
