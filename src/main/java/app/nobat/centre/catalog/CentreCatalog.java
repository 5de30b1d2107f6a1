package app.nobat.centre.catalog;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** The read model of centres: one document per centre with its current profile. */
public class CentreCatalog {

    private final MongoCollection<Document> centres;
    private final ObjectMapper json;

    public CentreCatalog(MongoDatabase database, ObjectMapper json) {
        this.centres = database.getCollection("centre_catalog");
        this.json = json;
    }

    public List<CentreProfile> all() {
        List<CentreProfile> result = new ArrayList<>();
        centres.find().forEach(d -> result.add(read(d)));
        result.sort(Comparator.comparing(CentreProfile::centreId));
        return result;
    }

    public Optional<CentreProfile> find(String centreId) {
        return Optional.ofNullable(centres.find(Filters.eq("_id", centreId)).first())
                .map(this::read);
    }

    /** A centre's profile with its version (the sequence number of the definition it shows). */
    public record Versioned(CentreProfile profile, long version) {}

    /** The profile and its version, read together. */
    public Versioned getVersioned(String centreId) {
        Document doc = centres.find(Filters.eq("_id", centreId)).first();
        if (doc == null) {
            throw CommonRefusal.UNKNOWN_CENTRE.with("centre", centreId);
        }
        return new Versioned(read(doc), doc.get("version", Number.class).longValue());
    }

    public CentreProfile get(String centreId) {
        return find(centreId).orElseThrow(() -> CommonRefusal.UNKNOWN_CENTRE.with("centre", centreId));
    }

    void save(CentreProfile profile, long version) {
        try {
            Document doc = new Document("_id", profile.centreId())
                    .append("version", version)
                    .append("profile", Document.parse(json.writeValueAsString(profile)));
            centres.replaceOne(Filters.eq("_id", profile.centreId()), doc, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long version(String centreId) {
        Document doc = centres.find(Filters.eq("_id", centreId)).first();
        return doc == null ? -1 : doc.get("version", Number.class).longValue();
    }

    private CentreProfile read(Document doc) {
        try {
            return json.readValue(doc.get("profile", Document.class).toJson(), CentreProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
