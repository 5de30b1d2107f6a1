package app.nobat.booking.notify;

import app.nobat.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Which messages went out, so that a replayed event or a second node never sends one twice. */
public class SentNotifications {

    private final MongoCollection<Document> sent;

    public SentNotifications(MongoDatabase database) {
        this.sent = database.getCollection("notifications_sent");
    }

    /** @return true for the first caller with this key, false for every later one */
    public boolean firstTime(String key, Instant now) {
        return Inserts.insertIfAbsent(sent, new Document("_id", key).append("at", Date.from(now)));
    }
}
