package app.nobat.centre.voice;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.centre.domain.CentreRefusal;
import app.nobat.common.CommonRefusal;
import app.nobat.platform.mongo.StoreDurability;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * A centre's own recordings of the words its displays announce calls with, one short clip per
 * language and word (the screens know the words: frontend/src/lib/voice-words.json). Stored as
 * small binary documents next to the read models; a clip is replaced whole or removed, and a
 * display falls back to the default pack for a word the centre has not recorded.
 */
public class VoiceClips {

    /** A word spoken for a second or two is some 10 to 40 kB in any of the browsers' formats. */
    public static final int MAX_BYTES = 256 * 1024;

    /**
     * The words of the announcements: "ticket", "desk", "and", the hundreds' words, numbers
     * (n.42; the Pashto twenties' n.20.compound), ticket letters and a desk's own name.
     */
    private static final Pattern KEY = Pattern.compile(
            "ticket|desk|and|hundred|hundreds|n\\.(0|[1-9][0-9]{0,2})(\\.compound)?|letter\\.[a-z]|desk\\.[a-z0-9][a-z0-9-]{0,63}");

    /** The kinds of audio a browser's MediaRecorder writes or a centre may upload, by their first bytes. */
    private static final Map<String, byte[]> MAGIC = Map.of(
            "audio/webm", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3},
            "audio/ogg", "OggS".getBytes(),
            "audio/wav", "RIFF".getBytes(),
            "audio/mpeg", "ID3".getBytes());

    public record ClipInfo(String language, String key, String type, int size, String version) {}

    public record Clip(String type, byte[] data, String version) {}

    private final MongoCollection<Document> clips;
    private final StoreDurability durability;

    public VoiceClips(MongoDatabase database, StoreDurability durability) {
        this.clips = database.getCollection("voice_clips");
        this.durability = durability;
    }

    /** The centre's recordings, without their sound. */
    public List<ClipInfo> list(String centreId) {
        List<ClipInfo> result = new ArrayList<>();
        clips.find(Filters.eq("centreId", centreId))
                .projection(Projections.exclude("data"))
                .sort(Sorts.ascending("_id"))
                .forEach(d -> result.add(new ClipInfo(
                        d.getString("language"),
                        d.getString("key"),
                        d.getString("type"),
                        d.getInteger("size", 0),
                        d.getString("version"))));
        return result;
    }

    public Optional<Clip> get(String centreId, String language, String key) {
        checkWord(language, key);
        Document d = clips.find(Filters.eq("_id", id(centreId, language, key))).first();
        return d == null
                ? Optional.empty()
                : Optional.of(new Clip(
                        d.getString("type"), d.get("data", Binary.class).getData(), d.getString("version")));
    }

    /**
     * Records (or replaces) the centre's clip of a word.
     *
     * @param type the request's content type; parameters such as codecs are ignored
     * @return the stored clip's description
     */
    public ClipInfo put(String centreId, String language, String key, String type, byte[] data, Instant at) {
        checkWord(language, key);
        if (data == null || data.length == 0 || data.length > MAX_BYTES) {
            throw CentreRefusal.VOICE_CLIP_SIZE.with("max", MAX_BYTES);
        }
        String kind = kindOf(type, data);
        String version = version(data);
        clips.replaceOne(
                Filters.eq("_id", id(centreId, language, key)),
                new Document("_id", id(centreId, language, key))
                        .append("centreId", centreId)
                        .append("language", language)
                        .append("key", key)
                        .append("type", kind)
                        .append("size", data.length)
                        .append("version", version)
                        .append("data", new Binary(data))
                        .append("at", Date.from(at)),
                new ReplaceOptions().upsert(true));
        durability.flush();
        return new ClipInfo(language, key, kind, data.length, version);
    }

    /** @return whether there was a clip to remove */
    public boolean delete(String centreId, String language, String key) {
        checkWord(language, key);
        boolean removed =
                clips.deleteOne(Filters.eq("_id", id(centreId, language, key))).getDeletedCount() > 0;
        durability.flush();
        return removed;
    }

    private static void checkWord(String language, String key) {
        if (language == null || !CentreProfile.LANGUAGES.contains(language)) {
            throw CommonRefusal.UNKNOWN_LANGUAGE.with("member", "language");
        }
        if (key == null || key.length() > 80 || !KEY.matcher(key).matches()) {
            throw CentreRefusal.VOICE_CLIP_KEY.with(
                    "key", key == null ? "" : key.substring(0, Math.min(key.length(), 80)));
        }
    }

    /** The declared type, when the bytes are of that kind; anything else is refused. */
    static String kindOf(String declared, byte[] data) {
        String type = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("audio/x-wav") || type.equals("audio/wave")) {
            type = "audio/wav";
        }
        boolean matches = switch (type) {
            case "audio/mp4" -> data.length > 8 && startsWith(Arrays.copyOfRange(data, 4, 8), "ftyp".getBytes());
            case "audio/mpeg" ->
                startsWith(data, MAGIC.get(type))
                        || (data.length > 1 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xE0) == 0xE0);
            case "audio/webm", "audio/ogg", "audio/wav" -> startsWith(data, MAGIC.get(type));
            default -> false;
        };
        if (!matches) {
            throw CentreRefusal.VOICE_CLIP_TYPE.with();
        }
        return type;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String id(String centreId, String language, String key) {
        return centreId + "/" + language + "/" + key;
    }

    private static String version(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
