package app.nobat.booking.notify;

import app.nobat.platform.mongo.Inserts;
import app.nobat.platform.mongo.StoreDurability;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The messages owed to visitors, one document per event and kind: the key makes a replayed or
 * redelivered event add nothing, and the state, written before every hand-over to a gateway, makes
 * a message that was being sent when the process died end {@link DeliveryState#UNKNOWN} instead of
 * going out twice. It holds no phone number and no booking code (they are read from the
 * personal-data store at the moment of sending), only the visitor's random reference.
 */
public class NotificationOutbox {

    public static final String COLLECTION = "notification_outbox";

    private final MongoCollection<Document> outbox;
    private final StoreDurability durability;

    /** Without a durability hook: on a store that is durable at each acknowledged write (and in tests). */
    public NotificationOutbox(MongoDatabase database) {
        this(database, () -> {});
    }

    public NotificationOutbox(MongoDatabase database, StoreDurability durability) {
        this.durability = durability;
        this.outbox = database.getCollection(COLLECTION);
        outbox.createIndex(Indexes.ascending("state", "nextAttemptAt"));
        outbox.createIndex(Indexes.ascending("centreId", "createdAt"));
    }

    /** One owed message; {@code values} fill its template (no personal data among them). */
    public record Entry(
            String id,
            MessageKind kind,
            String centreId,
            String visitorRef,
            Map<String, String> values,
            DeliveryState state,
            int attempts,
            String reason,
            List<String> gatewayIds,
            String receipt) {}

    /** @return false when this event's message of this kind is owed or handled already */
    public boolean enqueue(
            String id, MessageKind kind, String centreId, String visitorRef, Map<String, String> values, Instant now) {
        return Inserts.insertIfAbsent(
                outbox,
                new Document("_id", id)
                        .append("kind", kind.key())
                        .append("centreId", centreId)
                        .append("visitorRef", visitorRef)
                        .append("values", new Document(Map.copyOf(values)))
                        .append("state", DeliveryState.PENDING.name())
                        .append("attempts", 0)
                        .append("createdAt", Date.from(now))
                        .append("nextAttemptAt", Date.from(now)));
    }

    /**
     * The next message due, now marked {@link DeliveryState#SENDING} (atomically: two nodes never
     * take the same one); the mark is durable before this returns, so before any hand-over.
     */
    public Optional<Entry> claimDue(Instant now) {
        Document claimed = outbox.findOneAndUpdate(
                Filters.and(
                        Filters.eq("state", DeliveryState.PENDING.name()),
                        Filters.lte("nextAttemptAt", Date.from(now))),
                Updates.combine(
                        Updates.set("state", DeliveryState.SENDING.name()),
                        Updates.set("claimedAt", Date.from(now)),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
        if (claimed != null) {
            // the embedded store writes its file only now and then: a kill before that would forget the mark
            // and send the message a second time after the restart
            durability.flush();
        }
        return Optional.ofNullable(claimed).map(NotificationOutbox::entry);
    }

    public void sent(String id, String gateway, List<String> gatewayIds, Instant now) {
        finishSending(
                id,
                Updates.combine(
                        Updates.set("state", DeliveryState.SENT.name()),
                        Updates.set("gateway", gateway),
                        Updates.set("gatewayIds", gatewayIds),
                        Updates.set("doneAt", Date.from(now))));
    }

    /** Refused before it was taken: due again at {@code next}. */
    public void retryAt(String id, String reason, Instant next) {
        finishSending(
                id,
                Updates.combine(
                        Updates.set("state", DeliveryState.PENDING.name()),
                        Updates.set("reason", reason),
                        Updates.set("nextAttemptAt", Date.from(next))));
    }

    public void finish(String id, DeliveryState state, String reason, Instant now) {
        finishSending(
                id,
                Updates.combine(
                        Updates.set("state", state.name()),
                        Updates.set("reason", reason),
                        Updates.set("doneAt", Date.from(now))));
    }

    private void finishSending(String id, Bson update) {
        outbox.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", DeliveryState.SENDING.name())), update);
    }

    /**
     * Messages marked sending before {@code claimedBefore}, by a process that died or hung mid-send,
     * become {@link DeliveryState#UNKNOWN}: never resent. @return how many
     */
    public long abandonSendingBefore(Instant claimedBefore, Instant now) {
        return outbox.updateMany(
                        Filters.and(
                                Filters.eq("state", DeliveryState.SENDING.name()),
                                Filters.lt("claimedAt", Date.from(claimedBefore))),
                        Updates.combine(
                                Updates.set("state", DeliveryState.UNKNOWN.name()),
                                Updates.set("reason", "interrupted while sending"),
                                Updates.set("doneAt", Date.from(now))))
                .getModifiedCount();
    }

    /** Forgets messages handled before {@code doneBefore}: the counts are of recent days only. */
    public long purgeDoneBefore(Instant doneBefore) {
        return outbox.deleteMany(Filters.lt("doneAt", Date.from(doneBefore))).getDeletedCount();
    }

    /** A delivery receipt for one of the parts a gateway took. */
    public void receipt(String gatewayId, boolean delivered, String state) {
        outbox.updateOne(
                Filters.eq("gatewayIds", gatewayId),
                Updates.set("receipt", delivered ? "DELIVERED" : "UNDELIVERED:" + state));
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(outbox.find(Filters.eq("_id", id)).first()).map(NotificationOutbox::entry);
    }

    /** Messages per state of one centre's messages owed since {@code since}, and how many receipts said delivered. */
    public record Counts(Map<DeliveryState, Long> byState, long delivered) {}

    public Counts counts(String centreId, Instant since) {
        Map<DeliveryState, Long> byState = new EnumMap<>(DeliveryState.class);
        for (DeliveryState s : DeliveryState.values()) {
            byState.put(s, 0L);
        }
        long[] delivered = {0};
        outbox.find(Filters.and(Filters.eq("centreId", centreId), Filters.gte("createdAt", Date.from(since))))
                .projection(new Document("state", 1).append("receipt", 1))
                .forEach(d -> {
                    byState.merge(DeliveryState.valueOf(d.getString("state")), 1L, Long::sum);
                    if ("DELIVERED".equals(d.getString("receipt"))) {
                        delivered[0]++;
                    }
                });
        return new Counts(byState, delivered[0]);
    }

    private static Entry entry(Document d) {
        Document values = d.get("values", Document.class);
        Map<String, String> v = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, x) -> v.put(k, String.valueOf(x)));
        }
        return new Entry(
                d.getString("_id"),
                MessageKind.byKey(d.getString("kind")).orElseThrow(),
                d.getString("centreId"),
                d.getString("visitorRef"),
                v,
                DeliveryState.valueOf(d.getString("state")),
                d.getInteger("attempts", 0),
                d.getString("reason"),
                d.getList("gatewayIds", String.class, List.of()),
                d.getString("receipt"));
    }
}
