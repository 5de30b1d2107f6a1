package app.nobat.booking.notify;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The texts of the visitors' messages per language and kind: the shipped defaults
 * ({@code notifications/templates.properties}) unless an administrator saved another text, which
 * is kept in {@code notification_templates} and shared by the nodes.
 */
public class MessageTemplates {

    public static final List<String> LANGUAGES = List.of("fa", "fa-AF", "ps", "en");
    static final int MAX_LENGTH = 400;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private final Map<String, String> defaults;
    private final MongoCollection<Document> saved;

    public MessageTemplates(MongoDatabase database) {
        this.defaults = loadDefaults();
        this.saved = database.getCollection("notification_templates");
    }

    /** One text, and whether it is an administrator's or the shipped default. */
    public record Template(String language, String kind, String text, boolean custom, String defaultText) {}

    public List<Template> all() {
        Map<String, String> custom = new LinkedHashMap<>();
        saved.find().forEach(d -> custom.put(d.getString("_id"), d.getString("text")));
        return LANGUAGES.stream()
                .flatMap(language -> Arrays.stream(MessageKind.values()).map(kind -> {
                    String id = id(language, kind);
                    return new Template(
                            language,
                            kind.key(),
                            custom.getOrDefault(id, defaults.get(id)),
                            custom.containsKey(id),
                            defaults.get(id));
                }))
                .toList();
    }

    /** The text to send; unknown languages get Persian, the centres' first language. */
    public String text(MessageKind kind, String language) {
        String lang = LANGUAGES.contains(language) ? language : "fa";
        Document d = saved.find(Filters.eq("_id", id(lang, kind))).first();
        return d != null ? d.getString("text") : defaults.get(id(lang, kind));
    }

    public Template save(String language, String kindKey, String text, String by, Instant now) {
        MessageKind kind = checked(language, kindKey);
        if (text == null || text.isBlank()) {
            throw CommonRefusal.REQUIRED.at("/text", "member", "text");
        }
        if (text.length() > MAX_LENGTH) {
            throw CommonRefusal.OUT_OF_BOUNDS.at("/text", "member", "text", "min", 1, "max", MAX_LENGTH);
        }
        if (!sendable(text)) {
            throw CommonRefusal.OUT_OF_RANGE.at("/text", "member", "text");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        boolean code = false;
        while (m.find()) {
            if (!kind.placeholders().contains(m.group(1))) {
                throw MessageRefusal.UNKNOWN_PLACEHOLDER.at(
                        "/text",
                        "placeholder",
                        m.group(),
                        "kind",
                        kind.key(),
                        "allowed",
                        String.join(
                                " ",
                                kind.placeholders().stream()
                                        .map(p -> "{" + p + "}")
                                        .toList()));
            }
            code |= m.group(1).equals("code");
        }
        if (kind.carriesCode() && !code) {
            throw MessageRefusal.CODE_PLACEHOLDER_REQUIRED.at("/text", "kind", kind.key(), "placeholder", "{code}");
        }
        String id = id(language, kind);
        saved.replaceOne(
                Filters.eq("_id", id),
                new Document("_id", id).append("text", text).append("by", by).append("at", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new Template(language, kind.key(), text, true, defaults.get(id));
    }

    /**
     * No control characters but line breaks, no half of a surrogate pair, no bidirectional
     * overrides or isolates: a gateway may cut or garble them, and an override can make the text
     * read differently from what the administrator saw.
     */
    static boolean sendable(String text) {
        return text.codePoints()
                .allMatch(c -> (c == '\n' || Character.getType(c) != Character.CONTROL)
                        && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                        && !(c >= 0x202A && c <= 0x202E)
                        && !(c >= 0x2066 && c <= 0x2069));
    }

    /** Back to the shipped text. */
    public Template reset(String language, String kindKey) {
        MessageKind kind = checked(language, kindKey);
        String id = id(language, kind);
        saved.deleteOne(Filters.eq("_id", id));
        return new Template(language, kind.key(), defaults.get(id), false, defaults.get(id));
    }

    /** {@code {name}} replaced by its value; a placeholder without a value stays as it is written. */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static MessageKind checked(String language, String kindKey) {
        if (!CentreProfile.LANGUAGES.contains(language)) {
            throw CommonRefusal.UNKNOWN_LANGUAGE.at("/language", "member", "language");
        }
        return MessageKind.byKey(kindKey).orElseThrow(() -> CommonRefusal.OUT_OF_RANGE.at("/kind", "member", "kind"));
    }

    private static String id(String language, MessageKind kind) {
        return language + "/" + kind.key();
    }

    private static Map<String, String> loadDefaults() {
        Properties p = new Properties();
        try (InputStream in = MessageTemplates.class.getResourceAsStream("/notifications/templates.properties")) {
            if (in == null) {
                throw new IllegalStateException("notifications/templates.properties is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            for (MessageKind kind : MessageKind.values()) {
                String text = p.getProperty(language + "." + kind.key());
                if (text == null) {
                    throw new IllegalStateException("no default message " + language + "." + kind.key());
                }
                texts.put(id(language, kind), text);
            }
        }
        return Map.copyOf(texts);
    }
}
