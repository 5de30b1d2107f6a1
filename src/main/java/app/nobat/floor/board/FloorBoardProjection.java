package app.nobat.floor.board;

import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    void on(FloorEvent event, @SequenceNumber long sequence) {
        FloorBoard board = cache.computeIfAbsent(event.floorId(), id -> repository.board(id).orElseGet(FloorBoard::new));
        if (sequence <= board.lastSequence) {
            return; // applied before a crash or a reset of this processor's token
        }
        List<VisitView> touched;
        try {
            touched = board.apply(event, sequence);
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

    @ResetHandler
    void reset() {
        cache.clear();
    }

    static String kindOf(FloorEvent event) {
        if (event instanceof TicketCalled) {
            return "call";
        } else if (event instanceof TicketRecalled) {
            return "recall";
        } else if (event instanceof VisitArrived) {
            return "arrival";
        } else if (event instanceof DeskOpened || event instanceof DeskPaused || event instanceof DeskResumed
                || event instanceof DeskClosed) {
            return "desk";
        } else if (event instanceof FloorStarted) {
            return "floor";
        } else if (event instanceof FloorClosed) {
            return "closed";
        }
        return "queue";
    }

    /** What the screens need to know of the change: never a tracking token or an appointment reference. */
    static Object detailOf(FloorEvent event, List<VisitView> touched) {
        if (event instanceof TicketCalled e) {
            return new CallDetail(e.ticket(), e.deskId(), e.serviceCode(), 0, e.at().toString());
        } else if (event instanceof TicketRecalled e) {
            return new CallDetail(e.ticket(), e.deskId(), touched.isEmpty() ? null : touched.get(0).serviceCode,
                    e.recall(), e.at().toString());
        }
        String type = event.getClass().getSimpleName();
        if (event instanceof DeskOpened e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", "OPEN");
        } else if (event instanceof DeskPaused e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", "PAUSED");
        } else if (event instanceof DeskResumed e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", "OPEN");
        } else if (event instanceof DeskClosed e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", "CLOSED");
        }
        if (touched.size() == 1) {
            VisitView v = touched.get(0);
            return Map.of("event", type, "ticket", v.ticket, "serviceCode", v.serviceCode,
                    "status", v.status.name());
        }
        return Map.of("event", type);
    }

    /** A call (recall > 0 for a recall) as the screens announce it. */
    public record CallDetail(String ticket, String deskId, String serviceCode, int recall, String at) {
    }
}
