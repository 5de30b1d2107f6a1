package app.nobat.access.devices;

import app.nobat.common.RandomIds;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The credentials of kiosks and displays: a random token shown once when issued; only its SHA-256
 * is stored, so the collection alone lets no one act as a device. Revocation takes effect at the
 * next request (every request looks the token up).
 */
public class DeviceTokens {

    private final MongoCollection<Document> tokens;

    public DeviceTokens(MongoDatabase database) {
        this.tokens = database.getCollection("device_tokens");
    }

    public record Device(String deviceId, DeviceKind kind, String centreId, boolean revoked, Instant issuedAt) {}

    /** Issues a new token for a device; the answer is the only place the token appears. */
    public String issue(String deviceId, DeviceKind kind, String centreId, Instant now) {
        String token = RandomIds.of(32);
        register(token, deviceId, kind, centreId, now);
        return token;
    }

    /** Registers a known token (the demo profile's); replaces an earlier device of that id. */
    public void register(String token, String deviceId, DeviceKind kind, String centreId, Instant now) {
        tokens.deleteMany(Filters.eq("deviceId", deviceId));
        tokens.insertOne(new Document("_id", hash(token))
                .append("deviceId", deviceId)
                .append("kind", kind.name())
                .append("centreId", centreId)
                .append("revoked", false)
                .append("issuedAt", Date.from(now)));
    }

    /** @return whether a device of that id was there to revoke */
    public boolean revoke(String deviceId) {
        return tokens.updateMany(Filters.eq("deviceId", deviceId), Updates.set("revoked", true))
                        .getMatchedCount()
                > 0;
    }

    /** The device a token stands for, if it is known and not revoked. */
    public Optional<Device> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.find(Filters.eq("_id", hash(token))).first())
                .map(DeviceTokens::toDevice)
                .filter(d -> !d.revoked());
    }

    public List<Device> all() {
        List<Device> all = new ArrayList<>();
        tokens.find().forEach(d -> all.add(toDevice(d)));
        return all;
    }

    private static Device toDevice(Document d) {
        return new Device(
                d.getString("deviceId"),
                DeviceKind.valueOf(d.getString("kind")),
                d.getString("centreId"),
                Boolean.TRUE.equals(d.getBoolean("revoked")),
                d.getDate("issuedAt").toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
