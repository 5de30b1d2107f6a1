package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.eventstore.EmbeddedMongo;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stored board takes a batch of events with one write of each changed record, visits before the
 * board; a batch whose write fails leaves nothing of itself, and handled again it stores what one
 * event at a time would have stored.
 */
class FloorBoardProjectionBatchTest {

    static final String F = EveryFloorEventIsProjectedTest.F;
    static final List<FloorEvent> DAY = EveryFloorEventIsProjectedTest.DAY;
    static final List<String> VISITS = List.of("v1", "v2", "v3", "v4", "v5");

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    final EmbeddedMongo mongo = EmbeddedMongo.inMemory();

    @AfterEach
    void close() {
        mongo.close();
    }

    /** The repository, counting its writes in order; a board write fails while {@link #failBoards} > 0. */
    class CountingRepository extends FloorBoardRepository {
        final List<String> writes = new ArrayList<>();
        int failBoards;

        CountingRepository(String database) {
            super(mongo.database(database), json);
        }

        @Override
        public void save(FloorBoard board) {
            if (failBoards > 0) {
                failBoards--;
                throw new IllegalStateException("the store is away");
            }
            writes.add("board");
            super.save(board);
        }

        @Override
        public void save(String floorId, VisitView visit) {
            writes.add(visit.visitId);
            super.save(floorId, visit);
        }
    }

    /** The events of the day from {@code from} (inclusive) to {@code to}, as a tracking processor's batch. */
    static void handleAsBatch(FloorBoardProjection projection, int from, int to) {
        List<DomainEventMessage<FloorEvent>> batch = IntStream.range(from, to)
                .mapToObj(i ->
                        (DomainEventMessage<FloorEvent>) new GenericDomainEventMessage<>("Floor", F, i, DAY.get(i)))
                .toList();
        BatchingUnitOfWork<DomainEventMessage<FloorEvent>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.execute(() -> {
            DomainEventMessage<FloorEvent> event = unitOfWork.getMessage();
            projection.on(event.getPayload(), event.getSequenceNumber(), "clerk-1");
        });
    }

    String stored(FloorBoardRepository repository) {
        StringBuilder all = new StringBuilder(
                json.valueToTree(repository.board(F).orElseThrow()).toString());
        VISITS.forEach(v -> all.append('\n')
                .append(json.valueToTree(repository.visit(v).orElseThrow()).toString()));
        return all.toString();
    }

    String oneEventAtATime() {
        CountingRepository repository = new CountingRepository("one-at-a-time");
        FloorBoardProjection projection = new FloorBoardProjection(repository);
        for (int i = 0; i < DAY.size(); i++) {
            projection.on(DAY.get(i), i, "clerk-1");
        }
        assertThat(repository.writes.stream().filter("board"::equals)).hasSize(DAY.size());
        return stored(repository);
    }

    @Test
    void aBatchWritesEachChangedRecordOnceVisitsBeforeTheBoard() {
        CountingRepository repository = new CountingRepository("batched");
        FloorBoardProjection projection = new FloorBoardProjection(repository);

        handleAsBatch(projection, 0, 8); // the start, two desks, five arrivals
        assertThat(repository.writes).containsExactly("v1", "v2", "v3", "v4", "v5", "board");

        repository.writes.clear();
        handleAsBatch(projection, 8, 12); // v1 called, recalled, served, done
        assertThat(repository.writes).containsExactly("v1", "board");

        handleAsBatch(projection, 12, DAY.size());
        assertThat(stored(repository)).isEqualTo(oneEventAtATime());
    }

    @Test
    void aBatchWhoseWriteFailsLeavesNothingAndIsHandledAgainInFull() {
        CountingRepository repository = new CountingRepository("failing");
        FloorBoardProjection projection = new FloorBoardProjection(repository);
        handleAsBatch(projection, 0, 8);

        repository.failBoards = 1;
        assertThatThrownBy(() -> handleAsBatch(projection, 8, 16)).hasMessageContaining("the store is away");
        assertThat(repository.board(F).orElseThrow().lastSequence)
                .as("the failed batch left the stored board as it was")
                .isEqualTo(7);

        handleAsBatch(projection, 8, 16); // the processor hands the same batch again
        handleAsBatch(projection, 16, DAY.size());
        assertThat(stored(repository)).isEqualTo(oneEventAtATime());
    }

    @Test
    void eventsHandledAgainAfterACrashChangeNothing() {
        CountingRepository repository = new CountingRepository("replayed");
        FloorBoardProjection projection = new FloorBoardProjection(repository);
        handleAsBatch(projection, 0, 12);
        // a restart: the board is read from the store, and the token was older than the board
        FloorBoardProjection restarted = new FloorBoardProjection(repository);
        handleAsBatch(restarted, 8, DAY.size());
        assertThat(stored(repository)).isEqualTo(oneEventAtATime());
    }
}
