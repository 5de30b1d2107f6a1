package app.nobat.eventstore;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on the MongoDB sync driver that only
 * ever reads by expected keys (equality / {@code $in} on unique-indexed fields), never by range, except on a rare
 * fallback path. This keeps reads flat on stores that only index unique fields (such as mongo-java-server).
 * <p>
 * Layout:
 * <ul>
 *     <li>{@code domainevents}: one document per event, {@code _id} = global index (long, starting at 1), reserved
 *     in contiguous blocks from the counter document; {@code aggregateKey} = aggregateIdentifier + "#" + sequence
 *     number (unique).</li>
 *     <li>{@code eventcounters}: {@code {_id: "events", value: n}}, n = the highest reserved global index.</li>
 *     <li>{@code snapshotevents}: {@code _id} = aggregateIdentifier, the latest snapshot only.</li>
 * </ul>
 * Tracking uses {@link GapAwareTrackingToken}: a reserved index that has no document (yet) below the highest index
 * read is a gap; gaps are read again by key on every fetch until their document appears or until the first committed
 * event after them is older than the gap timeout.
 * <p>
 * There are no transactions: when an append fails on a duplicate aggregate key after some of its documents were
 * inserted (only possible when one append touches several aggregates), those documents are deleted again; a tracking
 * reader polling in that short window could have seen them.
 * <p>
 * An aggregate's sequence numbers stay contiguous from 0: aggregate streams are read by key, so a hole would end
 * {@code readEvents} there while {@link #lastSequenceNumberFor} probed past it. An append that would leave one is
 * rejected whole before anything is written (see {@link #checkSequences}).
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    public static final String DEFAULT_EVENTS_COLLECTION = "domainevents";
    public static final String DEFAULT_SNAPSHOTS_COLLECTION = "snapshotevents";
    public static final String DEFAULT_COUNTERS_COLLECTION = "eventcounters";
    static final String COUNTER_ID = "events";
    private static final Object RESERVATION_LOCK = new Object();
    private static final int MAX_INDEX_COLLISION_RETRIES = 5;

    static final String ID = "_id";
    static final String AGGREGATE_KEY = "aggregateKey";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String VALUE = "value";

    private final MongoCollection<Document> eventCollection;
    private final MongoCollection<Document> snapshotCollection;
    private final MongoCollection<Document> counterCollection;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int gapProbeLimit;
    private final Clock clock;
    /** First index of each block this engine reserved and has not finished writing (see {@link #consistentCut}). */
    private final TreeSet<Long> inFlight = new TreeSet<>();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.eventCollection = builder.database.getCollection(builder.eventsCollectionName);
        this.snapshotCollection = builder.database.getCollection(builder.snapshotsCollectionName);
        this.counterCollection = builder.database.getCollection(builder.countersCollectionName);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapProbeLimit = builder.gapProbeLimit;
        this.clock = builder.clock;
        if (builder.autoCreateIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the unique indexes the engine relies on (idempotent). {@code _id} is indexed by the store itself.
     */
    public void ensureIndexes() {
        eventCollection.createIndex(
                Indexes.ascending(AGGREGATE_KEY),
                new IndexOptions().unique(true).name("aggregateKey_unique"));
        eventCollection.createIndex(
                Indexes.ascending(EVENT_IDENTIFIER),
                new IndexOptions().unique(true).name("eventIdentifier_unique"));
    }

    // ---------------------------------------------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        checkSequences(events);
        for (int attempt = 1; ; attempt++) {
            long first = reserveInFlight(events.size());
            try {
                writeReserved(first, events, serializer);
                return;
            } catch (IndexCollision collision) {
                // another writer holds one of these indices (see reserveIndices): take a fresh block; the rest of
                // this block stays unused and becomes gaps for readers
                if (attempt >= MAX_INDEX_COLLISION_RETRIES) {
                    throw new EventStoreException(
                            "Global index collisions persisted after " + attempt + " reservations",
                            collision.getCause());
                }
            } finally {
                finished(first);
            }
        }
    }

    /** Reserves like {@link #reserveIndices} and marks the block in flight until {@link #finished}. */
    private long reserveInFlight(int count) {
        synchronized (RESERVATION_LOCK) {
            long first = reserveIndices(count);
            synchronized (inFlight) {
                inFlight.add(first);
            }
            return first;
        }
    }

    private void finished(long first) {
        synchronized (inFlight) {
            inFlight.remove(first);
        }
    }

    /**
     * The highest global index at and below which no append of this engine is still being written: every
     * event at or below it is stored (or its append failed and left a gap for good), and each append is one
     * ordered insert, so a copy of the events up to it holds every append whole or not at all. Appends of
     * other processes sharing the store are not seen here.
     */
    public long consistentCut() {
        synchronized (RESERVATION_LOCK) {
            long counter = currentCounter();
            synchronized (inFlight) {
                return inFlight.isEmpty() ? counter : Math.min(counter, inFlight.first() - 1);
            }
        }
    }

    /**
     * Rejects an append that would leave a hole in an aggregate's sequence numbers, before anything is written:
     * <ul>
     *     <li>the batch's own sequence numbers for one aggregate skip one (0, 1, 3): an {@link EventStoreException},
     *     as the batch is malformed in itself and no retry can make it fit;</li>
     *     <li>the batch's lowest sequence number for an aggregate that has events is not the stored last one + 1:
     *     a {@link ConcurrencyException}, as for Axon Server's invalid-sequence error. The caller's view of the
     *     aggregate does not match the store (such as events it saw that a failed append then took back): a reload
     *     and retry can succeed.</li>
     * </ul>
     * The first append of an aggregate without events may start past 0, as Axon's own engines allow and its
     * storage-engine contract tests do (events of fresh aggregates at sequence 1, 2). Such a stream is stored, and
     * read by {@code readEvents(identifier, firstSequenceNumber)} from its first sequence number; read from 0 it
     * looks empty, as it did before this check existed.
     * Repeated sequence numbers, and ones at or below the stored last one, pass here: the unique aggregate key
     * rejects them on insert, as the {@link ConcurrencyException} (or {@code AggregateStreamCreationException} at
     * sequence 0) of a lost race.
     * <p>
     * Costs one key lookup for the aggregates whose batch does not start at 0, none otherwise (and a
     * {@link #lastSequenceNumberFor} when the predecessor is missing). A writer that checks
     * the predecessor while a failed append of another writer is about to take that predecessor back can still leave
     * a hole; closing that needs transactions.
     */
    private void checkSequences(List<? extends EventMessage<?>> events) {
        Map<String, TreeSet<Long>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
                byAggregate
                        .computeIfAbsent(domainEvent.getAggregateIdentifier(), a -> new TreeSet<>())
                        .add(domainEvent.getSequenceNumber());
            }
        }
        Map<String, String> predecessorKeys = new LinkedHashMap<>(); // key -> aggregate
        for (Map.Entry<String, TreeSet<Long>> entry : byAggregate.entrySet()) {
            TreeSet<Long> sequences = entry.getValue();
            long first = sequences.first();
            long expected = first;
            for (long sequence : sequences) {
                if (sequence != expected) {
                    throw new EventStoreException(String.format(
                            "An event for aggregate [%s] at sequence [%d] was not persisted: the append skips "
                                    + "sequence [%d], which would leave a hole in the aggregate's events",
                            entry.getKey(), sequence, expected));
                }
                expected++;
            }
            if (first < 0) {
                throw new EventStoreException(String.format(
                        "An event for aggregate [%s] at sequence [%d] was not persisted: sequence numbers start at 0",
                        entry.getKey(), first));
            }
            if (first > 0) {
                predecessorKeys.put(aggregateKey(entry.getKey(), first - 1), entry.getKey());
            }
        }
        if (predecessorKeys.isEmpty()) {
            return;
        }
        eventCollection
                .find(Filters.in(AGGREGATE_KEY, new ArrayList<>(predecessorKeys.keySet())))
                .projection(Projections.include(AGGREGATE_KEY))
                .forEach(d -> predecessorKeys.remove(d.getString(AGGREGATE_KEY)));
        for (String aggregate : predecessorKeys.values()) {
            Optional<Long> last = lastSequenceNumberFor(aggregate);
            if (last.isPresent()) {
                throw new ConcurrencyException(String.format(
                        "An event for aggregate [%s] at sequence [%d] was not persisted: the aggregate's stored "
                                + "events end at sequence [%d], so it would leave a hole",
                        aggregate, byAggregate.get(aggregate).first(), last.get()));
            }
        }
    }

    /**
     * Reserves a contiguous block of {@code count} global indices and returns the first one.
     * <p>
     * mongo-java-server applies {@code $inc} atomically but reads the returned document separately, so concurrent
     * callers can be handed the same value. Reservations from this JVM are therefore serialized; writers in other
     * processes are covered by the {@code _id} uniqueness check and the retry in {@link #appendEvents}.
     */
    long reserveIndices(int count) {
        Document counter;
        synchronized (RESERVATION_LOCK) {
            counter = counterCollection.findOneAndUpdate(
                    Filters.eq(ID, COUNTER_ID),
                    Updates.inc(VALUE, (long) count),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        }
        long last = ((Number) counter.get(VALUE)).longValue();
        return last - count + 1;
    }

    /**
     * Writes the given events at the previously reserved indices {@code firstIndex, firstIndex + 1, ...}.
     *
     * @throws IndexCollision when one of the indices is already taken by another event
     */
    void writeReserved(long firstIndex, List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> documents = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            documents.add(toDocument(firstIndex + i, events.get(i), serializer));
        }
        try {
            eventCollection.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (RuntimeException e) {
            int failedAt = 0;
            boolean idCollision = false;
            if (e instanceof MongoBulkWriteException bulk
                    && !bulk.getWriteErrors().isEmpty()) {
                BulkWriteError error = bulk.getWriteErrors().get(0);
                failedAt = Math.min(Math.max(error.getIndex(), 0), events.size() - 1);
                idCollision = MongoDuplicateKeyExceptionResolver.isDuplicateKey(e)
                        && error.getMessage() != null
                        && error.getMessage().contains("index: _id_");
            }
            if (failedAt > 0 || !(e instanceof MongoBulkWriteException)) {
                compensate(events);
            }
            if (idCollision) {
                throw new IndexCollision(e);
            }
            handlePersistenceException(e, events.get(failedAt));
            throw new EventStoreException("Failed to append events", e); // not reached: the above always throws
        }
    }

    /** Deletes whatever this append inserted before it failed (by event identifier: only our own documents). */
    private void compensate(List<? extends EventMessage<?>> events) {
        List<String> ids = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            ids.add(event.getIdentifier());
        }
        try {
            eventCollection.deleteMany(Filters.in(EVENT_IDENTIFIER, ids));
        } catch (RuntimeException ignored) {
            // best effort: the original failure is what gets reported
        }
    }

    /** A reserved global index turned out to be taken already. */
    static final class IndexCollision extends RuntimeException {
        IndexCollision(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Document toDocument(long index, EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document doc = new Document(ID, index);
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            doc.append(
                            AGGREGATE_KEY,
                            aggregateKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()))
                    .append(AGGREGATE_IDENTIFIER, domainEvent.getAggregateIdentifier())
                    .append(SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                    .append(TYPE, domainEvent.getType());
        } else {
            // the suffix after the last '#' is not numeric, so this can never collide with an aggregate key
            doc.append(AGGREGATE_KEY, "~" + event.getIdentifier() + "#~")
                    .append(AGGREGATE_IDENTIFIER, null)
                    .append(SEQUENCE_NUMBER, null)
                    .append(TYPE, null);
        }
        return doc.append(EVENT_IDENTIFIER, event.getIdentifier())
                .append(TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
    }

    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    // ---------------------------------------------------------------------------------------------------- tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(
                    "Unsupported token format: " + lastToken + ", expected a GapAwareTrackingToken");
        }
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, Collections.emptySet())
                : dropExpiredGaps((GapAwareTrackingToken) lastToken);
        long index = token.getIndex();

        List<Long> keys = new ArrayList<>(token.getGaps().size() + batchSize);
        keys.addAll(token.getGaps());
        for (long i = index + 1; i <= index + batchSize; i++) {
            keys.add(i);
        }
        List<Document> found = findByIds(keys);
        boolean windowHit = false;
        for (Document d : found) {
            if (id(d) > index) {
                windowHit = true;
                break;
            }
        }
        if (!windowHit) {
            long reserved = currentCounter();
            if (reserved > index + batchSize) {
                // a run of missing indices longer than the batch: look further ahead
                found.addAll(findBeyond(index + batchSize, reserved, batchSize));
            }
        }
        found.sort(Comparator.comparingLong(MongoEventStorageEngine::id));
        if (found.size() > batchSize) {
            // filled gaps come on top of a full window, and the look-ahead probes in chunks: keep the lowest
            // batchSize. The token only advances over what is returned: filled gaps left out stay gaps, events
            // above the last one returned are read by the next fetch. Each event carries its own token, so a
            // batch may end inside one append.
            found = new ArrayList<>(found.subList(0, batchSize));
        }

        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        GapAwareTrackingToken current = token;
        for (Document d : found) {
            current = current.advanceTo(id(d), maxGapOffset);
            DomainEventData<String> data = toEventData(d);
            result.add(
                    d.getString(AGGREGATE_IDENTIFIER) == null
                            ? new TrackedPlainEventData(current, data)
                            : new TrackedDomainEventData<>(current, data));
        }
        return result;
    }

    /**
     * Finds the next committed events after {@code after}, knowing that indices up to {@code reserved} have been
     * handed out. First probes the reserved range by key (bounded by the gap probe limit), then falls back to a
     * single range query for the next existing event.
     */
    private List<Document> findBeyond(long after, long reserved, int batchSize) {
        long from = after + 1;
        long probed = 0;
        int chunk = Math.max(batchSize, 256);
        while (from <= reserved && probed < gapProbeLimit) {
            long to = Math.min(reserved, from + chunk - 1);
            List<Long> keys = new ArrayList<>((int) (to - from + 1));
            for (long i = from; i <= to; i++) {
                keys.add(i);
            }
            List<Document> docs = findByIds(keys);
            if (!docs.isEmpty()) {
                return docs;
            }
            probed += to - from + 1;
            from = to + 1;
        }
        if (from > reserved) {
            return Collections.emptyList(); // every reserved index is (still) missing: the reader is at the head
        }
        // rare slow path: a range query (scans the collection on stores without range indexes)
        Document next = eventCollection
                .find(Filters.gt(ID, from - 1))
                .sort(Sorts.ascending(ID))
                .limit(1)
                .first();
        if (next == null) {
            return Collections.emptyList();
        }
        List<Document> docs = new ArrayList<>();
        docs.add(next);
        long m = id(next);
        if (batchSize > 1) {
            List<Long> keys = new ArrayList<>(batchSize - 1);
            for (long i = m + 1; i < m + batchSize; i++) {
                keys.add(i);
            }
            docs.addAll(findByIds(keys));
        }
        return docs;
    }

    /**
     * Drops the gaps of the token whose first committed event after them is older than the gap timeout, following
     * the rule of Axon's JDBC engine. A gap whose following event cannot be found is kept.
     */
    private GapAwareTrackingToken dropExpiredGaps(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.isEmpty()) {
            return token;
        }
        // group consecutive gaps into runs, keyed by the index right after the run (a committed event)
        Map<Long, List<Long>> runsByNext = new LinkedHashMap<>();
        List<Long> run = new ArrayList<>();
        Iterator<Long> it = gaps.iterator();
        long previous = Long.MIN_VALUE;
        while (it.hasNext()) {
            long gap = it.next();
            if (!run.isEmpty() && gap != previous + 1) {
                runsByNext.put(previous + 1, run);
                run = new ArrayList<>();
            }
            run.add(gap);
            previous = gap;
        }
        runsByNext.put(previous + 1, run);

        Map<Long, Instant> timestamps = new HashMap<>();
        eventCollection
                .find(Filters.in(ID, new ArrayList<>(runsByNext.keySet())))
                .projection(Projections.include(TIMESTAMP))
                .forEach(d -> timestamps.put(id(d), DateTimeUtils.parseInstant(d.getString(TIMESTAMP))));
        Instant threshold = clock.instant().minus(gapTimeout);
        TreeSet<Long> remaining = new TreeSet<>(gaps);
        boolean changed = false;
        for (Map.Entry<Long, List<Long>> entry : runsByNext.entrySet()) {
            Instant next = timestamps.get(entry.getKey());
            if (next != null && !next.isAfter(threshold)) {
                remaining.removeAll(entry.getValue());
                changed = true;
            }
        }
        return changed ? GapAwareTrackingToken.newInstance(token.getIndex(), remaining) : token;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(currentCounter(), Collections.emptySet());
    }

    /**
     * Best effort: the token just before the lowest global index whose event timestamp is at or after the given
     * instant. This is a range query and may scan the collection.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = eventCollection
                .find(Filters.gte(TIMESTAMP, DateTimeUtils.formatInstant(dateTime)))
                .projection(Projections.include(ID))
                .sort(Sorts.ascending(ID))
                .limit(1)
                .first();
        if (first == null) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(id(first) - 1, Collections.emptySet());
    }

    long currentCounter() {
        Document counter = counterCollection.find(Filters.eq(ID, COUNTER_ID)).first();
        return counter == null ? 0L : ((Number) counter.get(VALUE)).longValue();
    }

    // ---------------------------------------------------------------------------------------------------- aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + batchSize; seq++) {
            keys.add(aggregateKey(aggregateIdentifier, seq));
        }
        Map<Long, Document> bySequence = new HashMap<>();
        eventCollection
                .find(Filters.in(AGGREGATE_KEY, keys))
                .forEach(d -> bySequence.put(((Number) d.get(SEQUENCE_NUMBER)).longValue(), d));
        List<DomainEventData<?>> result = new ArrayList<>(bySequence.size());
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + batchSize; seq++) {
            Document d = bySequence.get(seq);
            if (d == null) {
                break;
            }
            result.add(toEventData(d));
        }
        return result;
    }

    /**
     * Finds the highest sequence number of the aggregate by key lookups only: one query with exponentially spaced
     * probes (0, 1, 3, 7, ...), then k-ary narrowing. Relies on an aggregate's sequence numbers being contiguous
     * from 0, which the append check ({@link #checkSequences}), the unique aggregate key and the compensation of failed
     * appends maintain.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Long> probes = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            probes.add((1L << i) - 1);
        }
        long lo = highestExisting(aggregateIdentifier, probes); // highest known existing, -1 if none
        if (lo < 0) {
            return Optional.empty();
        }
        long hi = lo == 0 ? 1 : 2 * lo + 1; // the next probe, known missing
        while (hi - lo > 1) {
            long span = hi - lo - 1;
            List<Long> candidates = new ArrayList<>();
            if (span <= 128) {
                for (long s = lo + 1; s < hi; s++) {
                    candidates.add(s);
                }
            } else {
                for (int k = 1; k <= 32; k++) {
                    candidates.add(lo + (span * k) / 33);
                }
            }
            long found = highestExisting(aggregateIdentifier, candidates);
            if (span <= 128) {
                return Optional.of(Math.max(found, lo));
            }
            if (found > lo) {
                lo = found;
            }
            long nextMissing = hi;
            for (long c : candidates) {
                if (c > lo && c < nextMissing) {
                    nextMissing = c;
                }
            }
            hi = nextMissing;
        }
        return Optional.of(lo);
    }

    private long highestExisting(String aggregateIdentifier, Collection<Long> sequenceNumbers) {
        List<String> keys = new ArrayList<>(sequenceNumbers.size());
        for (long s : sequenceNumbers) {
            keys.add(aggregateKey(aggregateIdentifier, s));
        }
        long max = -1;
        for (Document d : eventCollection
                .find(Filters.in(AGGREGATE_KEY, keys))
                .projection(Projections.include(SEQUENCE_NUMBER))) {
            max = Math.max(max, ((Number) d.get(SEQUENCE_NUMBER)).longValue());
        }
        return max;
    }

    // ---------------------------------------------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = toDocument(-1, snapshot, serializer);
        doc.put(ID, snapshot.getAggregateIdentifier());
        Bson olderOrAbsent = Filters.and(
                Filters.eq(ID, snapshot.getAggregateIdentifier()),
                Filters.lt(SEQUENCE_NUMBER, snapshot.getSequenceNumber()));
        try {
            snapshotCollection.replaceOne(olderOrAbsent, doc, new ReplaceOptions().upsert(true));
        } catch (RuntimeException e) {
            if (!MongoDuplicateKeyExceptionResolver.isDuplicateKey(e)) {
                throw e;
            }
            // a snapshot with the same or a higher sequence number is already stored: keep it
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document d =
                snapshotCollection.find(Filters.eq(ID, aggregateIdentifier)).first();
        return d == null ? Stream.empty() : Stream.of(toEventData(d));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private List<Document> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return eventCollection.find(Filters.in(ID, ids)).into(new ArrayList<>(ids.size()));
    }

    private static long id(Document d) {
        return ((Number) d.get(ID)).longValue();
    }

    private static DomainEventData<String> toEventData(Document d) {
        String eventIdentifier = d.getString(EVENT_IDENTIFIER);
        String aggregateIdentifier = d.getString(AGGREGATE_IDENTIFIER);
        String type = d.getString(TYPE);
        long sequenceNumber;
        if (aggregateIdentifier == null) {
            // a plain event message: represented like Axon's JDBC engine does
            aggregateIdentifier = eventIdentifier;
            sequenceNumber = 0L;
        } else {
            sequenceNumber = ((Number) d.get(SEQUENCE_NUMBER)).longValue();
        }
        return new GenericDomainEventEntry<>(
                type,
                aggregateIdentifier,
                sequenceNumber,
                eventIdentifier,
                d.getString(TIMESTAMP),
                d.getString(PAYLOAD_TYPE),
                d.getString(PAYLOAD_REVISION),
                d.getString(PAYLOAD),
                d.getString(META_DATA));
    }

    // ---------------------------------------------------------------------------------------------------- builder

    /**
     * Builder for {@link MongoEventStorageEngine}. {@link #database(MongoDatabase)} is required; the persistence
     * exception resolver defaults to {@link MongoDuplicateKeyExceptionResolver}, the gap timeout to 60 s, the max gap
     * offset to 10,000, the clock to the system UTC clock, the gap probe limit to 10,000.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollectionName = DEFAULT_EVENTS_COLLECTION;
        private String snapshotsCollectionName = DEFAULT_SNAPSHOTS_COLLECTION;
        private String countersCollectionName = DEFAULT_COUNTERS_COLLECTION;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private int gapProbeLimit = 10_000;
        private Clock clock = Clock.systemUTC();
        private boolean autoCreateIndexes = true;

        protected Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyExceptionResolver());
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(
                Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
            super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
            return this;
        }

        @Override
        @SuppressWarnings("deprecation")
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        /** The database holding the engine's collections. Required. */
        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        public Builder eventsCollectionName(String name) {
            assertNonNull(name, "The events collection name may not be null");
            this.eventsCollectionName = name;
            return this;
        }

        public Builder snapshotsCollectionName(String name) {
            assertNonNull(name, "The snapshots collection name may not be null");
            this.snapshotsCollectionName = name;
            return this;
        }

        public Builder countersCollectionName(String name) {
            assertNonNull(name, "The counters collection name may not be null");
            this.countersCollectionName = name;
            return this;
        }

        /**
         * How long a gap is waited for, measured from the timestamp of the first committed event after it.
         */
        public Builder gapTimeout(Duration gapTimeout) {
            assertNonNull(gapTimeout, "The gap timeout may not be null");
            assertThat(gapTimeout, t -> !t.isNegative(), "The gap timeout may not be negative");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** Gaps further than this many indices behind the token's index are dropped (see GapAwareTrackingToken). */
        public Builder maxGapOffset(int maxGapOffset) {
            assertThat(maxGapOffset, o -> o > 0, "The max gap offset must be positive");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /**
         * How many reserved-but-missing indices beyond a batch window are probed by key before falling back to a
         * range query for the next existing event. 0 goes straight to the range query.
         */
        public Builder gapProbeLimit(int gapProbeLimit) {
            assertThat(gapProbeLimit, l -> l >= 0, "The gap probe limit may not be negative");
            this.gapProbeLimit = gapProbeLimit;
            return this;
        }

        /** The clock the gap timeout is measured against. */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The clock may not be null");
            this.clock = clock;
            return this;
        }

        /** Whether the engine creates its indexes when built (default true); see {@link #ensureIndexes()}. */
        public Builder autoCreateIndexes(boolean autoCreateIndexes) {
            this.autoCreateIndexes = autoCreateIndexes;
            return this;
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
        }
    }
}
