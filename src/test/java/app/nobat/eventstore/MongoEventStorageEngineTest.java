package app.nobat.eventstore;

import static app.nobat.eventstore.TestEvents.issued;
import static app.nobat.eventstore.TestEvents.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.eventstore.TestEvents.MutableClock;
import app.nobat.eventstore.TestEvents.QueueState;
import app.nobat.eventstore.TestEvents.TicketIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoEventStorageEngineTest {

    private EmbeddedMongo mongo;
    private JacksonSerializer serializer;
    private MutableClock clock;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        serializer = TestEvents.serializer();
        clock = new MutableClock(Instant.now());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private MongoEventStorageEngine.Builder builder() {
        return MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(Duration.ofSeconds(10))
                .maxGapOffset(10_000)
                .clock(clock);
    }

    private static List<DomainEventMessage<?>> stream(MongoEventStorageEngine engine, String aggregate) {
        return engine.readEvents(aggregate).asStream().collect(Collectors.toList());
    }

    private static GapAwareTrackingToken tokenOf(List<? extends TrackedEventData<?>> batch) {
        return (GapAwareTrackingToken) batch.get(batch.size() - 1).trackingToken();
    }

    private static List<Long> indices(List<? extends TrackedEventData<?>> batch) {
        return batch.stream()
                .map(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                .toList();
    }

    @Test
    void appendsAndLoadsAnAggregateStreamInOrderAcrossBatches() {
        MongoEventStorageEngine engine = builder().batchSize(3).build();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < 10; seq++) {
            events.add(issued("queue-A", seq));
            events.add(issued("queue-B", seq));
            if (seq % 3 == 0) {
                events.add(plain("counter-" + seq));
            }
        }
        engine.appendEvents(events.subList(0, 7));
        engine.appendEvents(events.subList(7, events.size()));

        List<DomainEventMessage<?>> a = stream(engine, "queue-A");
        assertThat(a)
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(a).allSatisfy(e -> assertThat(e.getAggregateIdentifier()).isEqualTo("queue-A"));
        assertThat(a.get(4).getPayload()).isEqualTo(issued("queue-A", 4).getPayload());
        assertThat(a.get(4).getType()).isEqualTo("Queue");

        List<? extends DomainEventMessage<?>> fromSeven =
                engine.readEvents("queue-B", 7).asStream().toList();
        assertThat(fromSeven).extracting(DomainEventMessage::getSequenceNumber).containsExactly(7L, 8L, 9L);

        assertThat(engine.lastSequenceNumberFor("queue-A")).contains(9L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(stream(engine, "nobody")).isEmpty();
    }

    @Test
    void lastSequenceNumberIsFoundForLongerAggregates() {
        MongoEventStorageEngine engine = builder().build();
        for (int size : new int[] {1, 2, 64, 130, 1000}) {
            String aggregate = "queue-" + size;
            List<EventMessage<?>> events = new ArrayList<>();
            for (int seq = 0; seq < size; seq++) {
                events.add(issued(aggregate, seq));
            }
            engine.appendEvents(events);
            assertThat(engine.lastSequenceNumberFor(aggregate)).as(aggregate).contains((long) size - 1);
        }
        assertThat(stream(engine, "queue-1000")).hasSize(1000);
    }

    @Test
    void appendingTheSameAggregateSequenceTwiceThrowsAxonsConcurrencyException() {
        MongoEventStorageEngine engine = builder().build();
        engine.appendEvents(issued("queue-A", 0), issued("queue-A", 1));

        assertThatThrownBy(() -> engine.appendEvents(issued("queue-A", 1), issued("queue-A", 2)))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-A", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        // a failing append that touches another aggregate first: its earlier documents are taken back
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-B", 0), plain("c1"), issued("queue-A", 1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(stream(engine, "queue-A"))
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L);
        assertThat(stream(engine, "queue-B")).isEmpty();
        assertThat(engine.lastSequenceNumberFor("queue-A")).contains(1L);
        List<? extends TrackedEventData<?>> all = engine.fetchTrackedEvents(null, 100);
        assertThat(all)
                .extracting(DomainEventData.class::cast)
                .extracting(DomainEventData::getAggregateIdentifier, DomainEventData::getSequenceNumber)
                .containsExactly(Tuple.tuple("queue-A", 0L), Tuple.tuple("queue-A", 1L));

        // the reader carries the indices of the failed appends as gaps, and still sees what comes next
        engine.appendEvents(issued("queue-A", 2));
        List<? extends TrackedEventMessage<?>> tracked =
                engine.readEvents(null, false).toList();
        assertThat(tracked).hasSize(3);
        assertThat(((DomainEventMessage<?>) tracked.get(2)).getSequenceNumber()).isEqualTo(2L);
    }

    @Test
    void anAppendWhoseSequenceNumbersSkipIsRejectedWholeAndStoresNothing() {
        MongoEventStorageEngine engine = builder().build();
        engine.appendEvents(issued("queue-A", 0), issued("queue-A", 1));

        // a hole inside the batch: 2, 3, 5 (malformed in itself: no retry can help)
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-A", 2), issued("queue-A", 3), issued("queue-A", 5)))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("queue-A");
        // a batch starting past the last stored sequence number + 1 (does not fit the stored stream)
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-A", 3), issued("queue-A", 4)))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class)
                .hasMessageContaining("end at sequence [1]");
        // one bad aggregate rejects the whole batch, the valid events of others included
        assertThatThrownBy(() -> engine.appendEvents(
                        issued("queue-C", 0), plain("c1"), issued("queue-A", 2), issued("queue-A", 4)))
                .isInstanceOf(EventStoreException.class);
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-C", 0), plain("c2"), issued("queue-A", 3)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(stream(engine, "queue-A"))
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L);
        assertThat(engine.lastSequenceNumberFor("queue-A")).contains(1L);
        assertThat(engine.lastSequenceNumberFor("queue-B")).isEmpty();
        assertThat(engine.lastSequenceNumberFor("queue-C")).isEmpty();
        assertThat(engine.readEvents(null, false).count()).isEqualTo(2L);

        // a contiguous continuation, and a new aggregate from 0, are still accepted
        engine.appendEvents(issued("queue-A", 2), issued("queue-A", 3), issued("queue-B", 0));
        assertThat(stream(engine, "queue-A"))
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(engine.lastSequenceNumberFor("queue-A")).contains(3L);
        assertThat(stream(engine, "queue-B")).hasSize(1);
        // the first append of a fresh aggregate may start past 0 (Axon's contract tests do), but must not skip
        engine.appendEvents(issued("queue-D", 1), issued("queue-D", 2));
        assertThat(engine.lastSequenceNumberFor("queue-D")).contains(2L);
        assertThat(engine.readEvents("queue-D", 1).asStream().count()).isEqualTo(2L);
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-D", 4))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-E", 1), issued("queue-E", 3)))
                .isInstanceOf(EventStoreException.class);
        assertThat(engine.lastSequenceNumberFor("queue-E")).isEmpty();
        // and the ordinary lost race on an existing sequence number stays a plain ConcurrencyException
        assertThatThrownBy(() -> engine.appendEvents(issued("queue-A", 3), issued("queue-A", 4)))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.lastSequenceNumberFor("queue-A")).contains(3L);
    }

    @Test
    void aTrackedFetchNeverReturnsMoreEventsThanTheBatchSize() {
        int batchSize = 10;
        MongoEventStorageEngine engine = builder().batchSize(batchSize).build();
        Set<String> appended = new HashSet<>();
        DomainEventMessage<TicketIssued> first = issued("queue-A", 0);
        engine.appendEvents(first); // 1
        appended.add(first.getIdentifier());
        long slow = engine.reserveIndices(51); // 2..52: slow writers
        List<EventMessage<?>> many = new ArrayList<>();
        for (int seq = 0; seq < 60; seq++) {
            many.add(issued("queue-B", seq)); // 53..112, one append
        }
        engine.appendEvents(many);
        many.forEach(e -> appended.add(e.getIdentifier()));

        List<? extends TrackedEventData<?>> batch = engine.fetchTrackedEvents(null, batchSize);
        assertThat(indices(batch)).containsExactly(1L);
        // past a run of missing indices longer than the batch, the look-ahead finds 60 events
        batch = engine.fetchTrackedEvents(tokenOf(batch), batchSize);
        assertThat(batch).hasSize(batchSize);
        assertThat(indices(batch)).containsExactly(53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L, 61L, 62L);
        GapAwareTrackingToken token = tokenOf(batch);
        assertThat(token.getGaps()).hasSize(51);

        // the slow writers commit within the gap timeout: 51 gap fills plus a full window of 10 are available
        List<EventMessage<?>> late = new ArrayList<>();
        for (int seq = 0; seq < 51; seq++) {
            late.add(issued("queue-C", seq));
        }
        engine.writeReserved(slow, late, engine.getEventSerializer());
        late.forEach(e -> appended.add(e.getIdentifier()));

        List<String> read = new ArrayList<>();
        read.add(first.getIdentifier());
        batch.forEach(e -> read.add(e.getEventIdentifier()));
        batch = engine.fetchTrackedEvents(token, batchSize);
        // 61 found, the lowest ten returned: filled gaps only; the token keeps its index and the other 41 gaps
        assertThat(batch)
                .extracting(TrackedEventData::getEventIdentifier)
                .containsExactlyElementsOf(late.subList(0, 10).stream()
                        .map(EventMessage::getIdentifier)
                        .toList());
        assertThat(tokenOf(batch).getIndex()).isEqualTo(62L);
        assertThat(tokenOf(batch).getGaps()).hasSize(41);
        batch.forEach(e -> read.add(e.getEventIdentifier()));
        token = tokenOf(batch);
        int fetches = 0;
        while (!(batch = engine.fetchTrackedEvents(token, batchSize)).isEmpty()) {
            assertThat(batch.size()).as("fetch " + fetches).isLessThanOrEqualTo(batchSize);
            batch.forEach(e -> read.add(e.getEventIdentifier()));
            token = tokenOf(batch);
            fetches++;
        }
        assertThat(read).doesNotHaveDuplicates().hasSize(112);
        assertThat(Set.copyOf(read)).isEqualTo(appended);
        assertThat(token.getIndex()).isEqualTo(112L);
        assertThat(token.hasGaps()).isFalse();
        assertThat(engine.readEvents(null, false)
                        .map(EventMessage::getIdentifier)
                        .toList())
                .doesNotHaveDuplicates()
                .hasSize(112);
    }

    @Test
    void trackingReadsTheWholeStoreInGlobalOrderAcrossBatches() throws Exception {
        MongoEventStorageEngine engine = builder().batchSize(4).build();
        List<EventMessage<?>> appended = new ArrayList<>();
        long[] next = new long[3];
        for (int i = 0; i < 25; i++) {
            appended.add(i % 5 == 4 ? plain("c" + i) : issued("queue-" + (i % 3), next[i % 3]++));
        }
        for (int i = 0; i < appended.size(); i += 6) {
            engine.appendEvents(appended.subList(i, Math.min(i + 6, appended.size())));
        }

        List<String> ids = new ArrayList<>();
        GapAwareTrackingToken token = null;
        List<? extends TrackedEventData<?>> batch;
        int batches = 0;
        while (!(batch = engine.fetchTrackedEvents(token, 4)).isEmpty()) {
            assertThat(batch.size()).isLessThanOrEqualTo(4);
            batch.forEach(e -> ids.add(e.getEventIdentifier()));
            token = tokenOf(batch);
            batches++;
        }
        assertThat(batches).isEqualTo(7);
        assertThat(ids)
                .containsExactlyElementsOf(
                        appended.stream().map(EventMessage::getIdentifier).toList());
        assertThat(token.getIndex()).isEqualTo(25L);
        assertThat(token.hasGaps()).isFalse();
        assertThat(engine.createHeadToken()).isEqualTo(token);
        assertThat(engine.createTailToken()).isNull();

        List<? extends TrackedEventMessage<?>> viaStream =
                engine.readEvents(null, false).toList();
        assertThat(viaStream).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(ids);
        assertThat(viaStream.get(4)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(viaStream.get(4).getPayload()).isEqualTo(appended.get(4).getPayload());

        EmbeddedEventStore store =
                EmbeddedEventStore.builder().storageEngine(engine).build();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            List<String> streamed = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
                streamed.add(stream.nextAvailable().getIdentifier());
            }
            assertThat(streamed).containsExactlyElementsOf(ids);
            // events published later arrive on the open stream too
            store.publish(issued("queue-late", 0));
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            TrackedEventMessage<?> late = stream.nextAvailable();
            assertThat(((DomainEventMessage<?>) late).getAggregateIdentifier()).isEqualTo("queue-late");
            assertThat(((GapAwareTrackingToken) late.trackingToken()).getIndex())
                    .isEqualTo(26L);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void aGapFromAWriterThatNeverCommitsIsKeptUntilTheTimeoutThenDropped() {
        MongoEventStorageEngine engine = builder().build();
        engine.appendEvents(issued("queue-A", 0), issued("queue-A", 1)); // 1, 2
        long reserved = engine.reserveIndices(3); // 3, 4, 5: never written
        assertThat(reserved).isEqualTo(3L);
        engine.appendEvents(issued("queue-B", 0), issued("queue-B", 1)); // 6, 7

        List<? extends TrackedEventData<?>> first = engine.fetchTrackedEvents(null, 100);
        assertThat(indices(first)).containsExactly(1L, 2L, 6L, 7L);
        GapAwareTrackingToken token = tokenOf(first);
        assertThat(token.getIndex()).isEqualTo(7L);
        assertThat(token.getGaps()).containsExactly(3L, 4L, 5L);

        // still young: kept
        clock.advance(Duration.ofSeconds(5));
        assertThat(engine.fetchTrackedEvents(token, 100)).isEmpty();
        engine.appendEvents(issued("queue-B", 2)); // 8
        List<? extends TrackedEventData<?>> second = engine.fetchTrackedEvents(token, 100);
        assertThat(indices(second)).containsExactly(8L);
        token = tokenOf(second);
        assertThat(token.getGaps()).containsExactly(3L, 4L, 5L);

        // older than the gap timeout (measured from the event committed after the gap): dropped
        clock.advance(Duration.ofSeconds(6));
        engine.appendEvents(issued("queue-B", 3)); // 9
        List<? extends TrackedEventData<?>> third = engine.fetchTrackedEvents(token, 100);
        assertThat(indices(third)).containsExactly(9L);
        assertThat(tokenOf(third).getIndex()).isEqualTo(9L);
        assertThat(tokenOf(third).hasGaps()).isFalse();
    }

    @Test
    void aLateCommitWithinTheTimeoutIsDeliveredNotSkipped() {
        MongoEventStorageEngine engine = builder().build();
        engine.appendEvents(issued("queue-A", 0)); // 1
        long slow = engine.reserveIndices(1); // 2: a slow writer
        engine.appendEvents(issued("queue-B", 0)); // 3

        List<? extends TrackedEventData<?>> first = engine.fetchTrackedEvents(null, 10);
        assertThat(indices(first)).containsExactly(1L, 3L);
        GapAwareTrackingToken token = tokenOf(first);
        assertThat(token.getGaps()).containsExactly(slow);
        assertThat(engine.fetchTrackedEvents(token, 10)).isEmpty();

        clock.advance(Duration.ofSeconds(9));
        DomainEventMessage<TicketIssued> late = issued("queue-C", 0);
        engine.writeReserved(slow, List.of(late), engine.getEventSerializer());

        List<? extends TrackedEventData<?>> second = engine.fetchTrackedEvents(token, 10);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).getEventIdentifier()).isEqualTo(late.getIdentifier());
        GapAwareTrackingToken after = tokenOf(second);
        assertThat(after.getIndex()).isEqualTo(3L);
        assertThat(after.hasGaps()).isFalse();
        assertThat(engine.fetchTrackedEvents(after, 10)).isEmpty();
        assertThat(stream(engine, "queue-C")).hasSize(1);
    }

    @Test
    void storesAndReadsTheLatestSnapshot() {
        MongoEventStorageEngine engine = builder().build();
        assertThat(engine.readSnapshot("queue-A")).isEmpty();
        engine.storeSnapshot(new GenericDomainEventMessage<>("Queue", "queue-A", 5, new QueueState("A", 5)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Queue", "queue-A", 9, new QueueState("A", 9)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Queue", "queue-A", 7, new QueueState("A", 7)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Queue", "queue-B", 2, new QueueState("B", 2)));

        DomainEventMessage<?> snapshot = engine.readSnapshot("queue-A").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(9L);
        assertThat(snapshot.getPayload()).isEqualTo(new QueueState("A", 9));
        assertThat(engine.readSnapshot("queue-B").orElseThrow().getPayload()).isEqualTo(new QueueState("B", 2));
        // snapshots are not events
        assertThat(engine.fetchTrackedEvents(null, 10)).isEmpty();
    }

    @Test
    void aRunOfGapsLongerThanTheBatchDoesNotStallTheReader() {
        for (int probeLimit : new int[] {10_000, 0}) { // key probing, then the range-query fallback
            mongo.close();
            mongo = EmbeddedMongo.inMemory();
            MongoEventStorageEngine engine = builder().gapProbeLimit(probeLimit).build();
            engine.appendEvents(issued("queue-A", 0)); // 1
            engine.reserveIndices(700); // 2..701 never written
            engine.appendEvents(issued("queue-A", 1), issued("queue-A", 2)); // 702, 703

            List<? extends TrackedEventData<?>> first = engine.fetchTrackedEvents(null, 5);
            assertThat(indices(first)).as("probe limit " + probeLimit).containsExactly(1L);
            List<? extends TrackedEventData<?>> second = engine.fetchTrackedEvents(tokenOf(first), 5);
            assertThat(indices(second)).as("probe limit " + probeLimit).containsExactly(702L, 703L);
            GapAwareTrackingToken token = tokenOf(second);
            assertThat(token.getGaps()).hasSize(700).contains(2L, 701L);

            // at the head with only never-written reservations beyond: empty, no stall, then new events flow
            engine.reserveIndices(50); // 704..753
            assertThat(engine.fetchTrackedEvents(token, 5)).isEmpty();
            engine.appendEvents(issued("queue-A", 3)); // 754
            List<? extends TrackedEventData<?>> third = engine.fetchTrackedEvents(token, 5);
            assertThat(indices(third)).containsExactly(754L);

            assertThat(engine.readEvents(null, false)
                            .map(EventMessage::getIdentifier)
                            .collect(Collectors.toSet()))
                    .hasSize(4);
        }
    }

    @Test
    void tokenAtAnInstantAndHeadToken() {
        MongoEventStorageEngine engine = builder().build();
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(0, Set.of()));
        engine.appendEvents(issued("queue-A", 0), issued("queue-A", 1));
        Instant between = Instant.now();
        engine.appendEvents(issued("queue-A", 2));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, Set.of()));
        assertThat(((GapAwareTrackingToken) engine.createTokenAt(between.plusSeconds(3600))).getIndex())
                .isEqualTo(3L);
        assertThat(((GapAwareTrackingToken) engine.createTokenAt(Instant.EPOCH)).getIndex())
                .isEqualTo(0L);
    }
}
