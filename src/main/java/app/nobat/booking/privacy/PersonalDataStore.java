package app.nobat.booking.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The one place personal data lives: keyed by the random visitor reference the events carry,
 * kept until a retention date, erased on request.
 */
public class PersonalDataStore {

    public static final String COLLECTION = "visitor_personal_data";

    private final MongoCollection<Document> collection;

    public PersonalDataStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public record PersonalData(String visitorRef, String centreId, IdentityType identityType, String identityNumber,
                               String phone, String language, Instant retainUntil) {
    }

    public void save(PersonalData data) {
        collection.insertOne(new Document("_id", data.visitorRef())
                .append("centreId", data.centreId())
                .append("identityType", data.identityType().name())
                .append("identityNumber", data.identityNumber())
                .append("phone", data.phone())
                .append("language", data.language())
                .append("retainUntil", Date.from(data.retainUntil())));
    }

    public Optional<PersonalData> find(String visitorRef) {
        Document d = collection.find(Filters.eq("_id", visitorRef)).first();
        return Optional.ofNullable(d).map(doc -> new PersonalData(doc.getString("_id"), doc.getString("centreId"),
                IdentityType.valueOf(doc.getString("identityType")), doc.getString("identityNumber"),
                doc.getString("phone"), doc.getString("language"), doc.getDate("retainUntil").toInstant()));
    }

    /** Keeps the data until {@code until}, never shorter than already promised. */
    public void retainUntil(String visitorRef, Instant until) {
        collection.updateOne(Filters.and(Filters.eq("_id", visitorRef), Filters.lt("retainUntil", Date.from(until))),
                Updates.set("retainUntil", Date.from(until)));
    }

    /** @return whether there was anything to erase */
    public boolean erase(String visitorRef) {
        return collection.deleteOne(Filters.eq("_id", visitorRef)).getDeletedCount() > 0;
    }

    /** Erases everything whose retention date has passed. */
    public long purgeExpired(Instant now) {
        return collection.deleteMany(Filters.lt("retainUntil", Date.from(now))).getDeletedCount();
    }
}
