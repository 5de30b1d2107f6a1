package app.nobat.floor.board;

import app.nobat.common.Actor;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.platform.axon.BatchedWrites;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Keeps each floor's board and visit records in MongoDB, on whichever node holds the processor's
 * token (the live screens are fed by {@link FloorFeedProjection} on every node). What a batch of
 * events changed is written once at its end ({@link BatchedWrites}): the visits, then the boards, then
 * the processor's token. {@link FloorBoard#apply} skips what a board has seen, so a crash between
 * any two of those writes replays the batch harmlessly.
 */
@ProcessingGroup(FloorBoardProjection.PROCESSING_GROUP)
public class FloorBoardProjection {

    public static final String PROCESSING_GROUP = "floor-board";

    private final FloorBoardRepository repository;
    private final Map<String, FloorBoard> cache = new ConcurrentHashMap<>();
    /** Boards and visit records changed by the batch under way, in the order they changed. */
    private final Set<String> changedBoards = new LinkedHashSet<>();

    private final Map<String, ChangedVisit> changedVisits = new LinkedHashMap<>();
    private final BatchedWrites writes = new BatchedWrites(this::write, this::forget);

    private record ChangedVisit(String floorId, VisitView visit) {}

    public FloorBoardProjection(FloorBoardRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(FloorEvent event, @SequenceNumber long sequence, @MetaDataValue(Actor.ID_KEY) String actor) {
        FloorBoard board = cache.computeIfAbsent(
                event.floorId(), id -> repository.board(id).orElseGet(FloorBoard::new));
        if (sequence > board.lastSequence) { // else applied before a crash or a reset of this processor's token
            List<VisitView> touched;
            try {
                touched = board.apply(event, sequence, actor);
            } catch (RuntimeException e) {
                forget();
                throw e;
            }
            for (VisitView visit : touched) {
                changedVisits.put(visit.visitId, new ChangedVisit(board.floorId, visit));
            }
            changedBoards.add(board.floorId);
            writes.changed();
        }
        writes.endOfEvent();
    }

    /** Visits before their boards: a board's sequence marks its events done, so it is written last. */
    private void write() {
        changedVisits.values().forEach(changed -> repository.save(changed.floorId(), changed.visit()));
        changedVisits.clear();
        for (String floorId : changedBoards) {
            FloorBoard board = cache.get(floorId);
            repository.save(board);
            if (board.closed) {
                cache.remove(floorId); // a closed day changes no more
            }
        }
        changedBoards.clear();
    }

    /** A batch that failed leaves the boards as stored: read them again. */
    private void forget() {
        changedVisits.clear();
        changedBoards.clear();
        cache.clear();
    }

    /** A replay from the start (a rebuild) writes every board anew: stored ones would make it skip all. */
    @ResetHandler
    void reset() {
        forget();
        repository.deleteAll();
    }
}
