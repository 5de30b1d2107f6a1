package app.nobat.booking.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * At most {@code limit} messages to one phone within {@code window}, across the nodes: counted by
 * the phone's keyed hash (never the number), and forgotten once the window has passed.
 */
public class PhoneRateLimit {

    private final MongoCollection<Document> handed;
    private final int limit;
    private final Duration window;

    public PhoneRateLimit(MongoDatabase database, int limit, Duration window) {
        this.handed = database.getCollection("notification_rate");
        handed.createIndex(Indexes.ascending("phoneKey", "at"));
        this.limit = limit;
        this.window = window;
    }

    public boolean allows(String phoneKey, Instant now) {
        handed.deleteMany(Filters.lt("at", Date.from(now.minus(window))));
        return handed.countDocuments(Filters.eq("phoneKey", phoneKey)) < limit;
    }

    /** A message went to this phone (or may have). */
    public void handedOver(String phoneKey, Instant now) {
        handed.insertOne(new Document("phoneKey", phoneKey).append("at", Date.from(now)));
    }
}
