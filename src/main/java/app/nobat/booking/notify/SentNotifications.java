package app.nobat.booking.notify;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** Which messages went out, so that a replayed event or a second node never sends one twice. */
public class SentNotifications {

    private final MongoCollection<Document> sent;

    public SentNotifications(MongoDatabase database) {
        this.sent = database.getCollection("notifications_sent");
    }

    /** @return true for the first caller with this key, false for every later one */
    public boolean firstTime(String key, Instant now) {
        try {
            sent.insertOne(new Document("_id", key).append("at", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
