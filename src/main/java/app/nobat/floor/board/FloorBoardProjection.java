package app.nobat.floor.board;

import app.nobat.common.Actor;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Keeps each floor's board and visit records in MongoDB, on whichever node holds the processor's
 * token (the live screens are fed by {@link FloorFeedProjection} on every node). The board is written
 * before the processor's token, and {@link FloorBoard#apply} skips what it has seen, so a crash
 * between the two replays the event harmlessly.
 */
@ProcessingGroup(FloorBoardProjection.PROCESSING_GROUP)
public class FloorBoardProjection {

    public static final String PROCESSING_GROUP = "floor-board";

    private final FloorBoardRepository repository;
    private final Map<String, FloorBoard> cache = new ConcurrentHashMap<>();

    public FloorBoardProjection(FloorBoardRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(FloorEvent event, @SequenceNumber long sequence, @MetaDataValue(Actor.ID_KEY) String actor) {
        FloorBoard board = cache.computeIfAbsent(
                event.floorId(), id -> repository.board(id).orElseGet(FloorBoard::new));
        if (sequence <= board.lastSequence) {
            return; // applied before a crash or a reset of this processor's token
        }
        List<VisitView> touched;
        try {
            touched = board.apply(event, sequence, actor);
            // visits before the board: the board's sequence marks the event done, so it is written last
            for (VisitView visit : touched) {
                repository.save(board.floorId, visit);
            }
            repository.save(board);
        } catch (RuntimeException e) {
            cache.remove(event.floorId());
            throw e;
        }
        if (event instanceof FloorClosed) {
            cache.remove(event.floorId());
        }
    }

    /** A replay from the start (a rebuild) writes every board anew: stored ones would make it skip all. */
    @ResetHandler
    void reset() {
        cache.clear();
        repository.deleteAll();
    }
}
