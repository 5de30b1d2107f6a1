package app.nobat.booking.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.security.SecureRandom;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Visitor keys in a database of their own on a real MongoDB, for several nodes that share the
 * keys: back up the data database without this one, so that a backup's personal data stays
 * unreadable once a key is destroyed.
 */
public class MongoVisitorKeys implements VisitorKeys {

    public static final String COLLECTION = "visitor_keys";

    private final MongoCollection<Document> keys;
    private final SecureRandom random = new SecureRandom();

    public MongoVisitorKeys(MongoDatabase keyDatabase) {
        this.keys = keyDatabase.getCollection(COLLECTION);
    }

    @Override
    public byte[] create(String visitorRef) {
        byte[] key = new byte[FileVisitorKeys.KEY_BYTES];
        random.nextBytes(key);
        keys.insertOne(new Document("_id", visitorRef).append("key", new Binary(key)));
        return key;
    }

    @Override
    public Optional<byte[]> find(String visitorRef) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", visitorRef)).first())
                .map(d -> d.get("key", Binary.class).getData());
    }

    @Override
    public void destroy(String visitorRef) {
        keys.deleteOne(Filters.eq("_id", visitorRef));
    }
}
