package app.nobat.booking.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The one place personal data lives: keyed by the random visitor reference the events carry,
 * kept until a retention date, erased on request. The identity number, the phone and the booking
 * code are stored encrypted with the visitor's own key (see {@link VisitorKeys}); erasure destroys
 * the key first, so the data is unreadable in any copy the store keeps, then deletes the document.
 */
public class PersonalDataStore {

    public static final String COLLECTION = "visitor_personal_data";

    private static final String IDENTITY_NUMBER = "identityNumber";
    private static final String PHONE = "phone";
    private static final String BOOKING_CODE = "bookingCode";

    private final MongoCollection<Document> collection;
    private final VisitorKeys keys;

    public PersonalDataStore(MongoDatabase database, VisitorKeys keys) {
        this.collection = database.getCollection(COLLECTION);
        this.keys = keys;
    }

    /** @param bookingCode the visitor's bearer code, kept only to send it to them */
    public record PersonalData(
            String visitorRef,
            String centreId,
            IdentityType identityType,
            String identityNumber,
            String phone,
            String language,
            String bookingCode,
            Instant retainUntil) {}

    /**
     * The reference a walk-in's phone is kept under, derived from the visit (no event names a
     * walk-in otherwise): a digest, as visitor references are short and URL-safe.
     */
    public static String walkInRef(String visitId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(visitId.getBytes(StandardCharsets.UTF_8));
            return "walk-in-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A walk-in's data is the phone and language only (identity, number and code are null). */
    public void save(PersonalData data) {
        String ref = data.visitorRef();
        byte[] key = keys.create(ref);
        Document d = new Document("_id", ref).append("centreId", data.centreId());
        if (data.identityType() != null) {
            d.append("identityType", data.identityType().name());
        }
        seal(d, key, ref, IDENTITY_NUMBER, data.identityNumber());
        seal(d, key, ref, PHONE, data.phone());
        seal(d, key, ref, BOOKING_CODE, data.bookingCode());
        collection.insertOne(
                d.append("language", data.language()).append("retainUntil", Date.from(data.retainUntil())));
    }

    private static void seal(Document d, byte[] key, String ref, String field, String value) {
        if (value != null) {
            d.append(field, new Binary(PersonalDataCipher.seal(key, ref, field, value)));
        }
    }

    /** Whether anything is kept under this reference, without opening it. */
    public boolean exists(String visitorRef) {
        return collection.countDocuments(Filters.eq("_id", visitorRef)) > 0;
    }

    /** Empty once erased, also when only the key is gone (an erasure cut short before the delete). */
    public Optional<PersonalData> find(String visitorRef) {
        Document d = collection.find(Filters.eq("_id", visitorRef)).first();
        if (d == null) {
            return Optional.empty();
        }
        return keys.find(visitorRef)
                .map(key -> new PersonalData(
                        visitorRef,
                        d.getString("centreId"),
                        d.getString("identityType") == null ? null : IdentityType.valueOf(d.getString("identityType")),
                        open(d, key, IDENTITY_NUMBER),
                        open(d, key, PHONE),
                        d.getString("language"),
                        open(d, key, BOOKING_CODE),
                        d.getDate("retainUntil").toInstant()));
    }

    private static String open(Document d, byte[] key, String field) {
        Object value = d.get(field);
        return value instanceof Binary sealed
                ? PersonalDataCipher.open(key, d.getString("_id"), field, sealed.getData())
                : null;
    }

    /** Keeps the data until {@code until}, never shorter than already promised. */
    public void retainUntil(String visitorRef, Instant until) {
        collection.updateOne(
                Filters.and(Filters.eq("_id", visitorRef), Filters.lt("retainUntil", Date.from(until))),
                Updates.set("retainUntil", Date.from(until)));
    }

    /** @return whether there was anything to erase */
    public boolean erase(String visitorRef) {
        boolean readable = keys.find(visitorRef).isPresent();
        keys.destroy(visitorRef);
        boolean stored = collection.deleteOne(Filters.eq("_id", visitorRef)).getDeletedCount() > 0;
        return readable && stored;
    }

    /** Erases everything whose retention date has passed. */
    public long purgeExpired(Instant now) {
        List<String> expired = collection
                .find(Filters.lt("retainUntil", Date.from(now)))
                .projection(Projections.include("_id"))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
        expired.forEach(keys::destroy);
        return expired.isEmpty()
                ? 0
                : collection.deleteMany(Filters.in("_id", expired)).getDeletedCount();
    }
}
