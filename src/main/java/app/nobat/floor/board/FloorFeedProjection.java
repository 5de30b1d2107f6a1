package app.nobat.floor.board;

import app.nobat.common.Actor;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * This node's own view of the live floors, fed by its own event stream (an in-memory token, not
 * the shared token store), so that every node's screens see every change even when the stored
 * projection runs on another node. Boards are kept in memory and rebuilt from the day's events
 * when the node starts.
 */
@ProcessingGroup(FloorFeedProjection.PROCESSING_GROUP)
public class FloorFeedProjection {

    public static final String PROCESSING_GROUP = "floor-feed";

    private final FloorFeed feed;
    private final FloorBoardRepository stored;
    private final ObjectMapper json;
    private final Map<String, FloorBoard> boards = new ConcurrentHashMap<>();

    public FloorFeedProjection(FloorFeed feed, FloorBoardRepository stored, ObjectMapper json) {
        this.feed = feed;
        this.stored = stored;
        this.json = json;
    }

    @EventHandler
    void on(FloorEvent event, @SequenceNumber long sequence, @MetaDataValue(Actor.ID_KEY) String actor) {
        FloorBoard board = boards.computeIfAbsent(
                event.floorId(),
                id -> event instanceof FloorStarted
                        ? new FloorBoard()
                        // a floor that started before this node's window: begin from the stored board
                        : stored.board(id).orElseGet(FloorBoard::new));
        List<VisitView> touched = board.apply(event, sequence, actor);
        if (board.lastSequence != sequence || board.centreId == null) {
            return;
        }
        feed.publish(
                board.centreId, kindOf(event), detailOf(event, touched), json.convertValue(board, FloorBoard.class));
        if (event instanceof FloorClosed) {
            boards.remove(event.floorId());
        }
    }

    static FloorChangeKind kindOf(FloorEvent event) {
        if (event instanceof TicketCalled || event instanceof TicketCalledOutOfTurn) {
            return FloorChangeKind.CALL;
        } else if (event instanceof TicketRecalled) {
            return FloorChangeKind.RECALL;
        } else if (event instanceof VisitArrived) {
            return FloorChangeKind.ARRIVAL;
        } else if (event instanceof DeskOpened
                || event instanceof DeskPaused
                || event instanceof DeskResumed
                || event instanceof DeskClosed) {
            return FloorChangeKind.DESK;
        } else if (event instanceof FloorStarted) {
            return FloorChangeKind.FLOOR;
        } else if (event instanceof FloorClosed) {
            return FloorChangeKind.CLOSED;
        } else if (event instanceof ServiceStarted
                || event instanceof VisitCompleted
                || event instanceof VisitTransferred
                || event instanceof VisitMarkedNoShow
                || event instanceof VisitCancelled
                || event instanceof VisitReturnedToQueue) {
            return FloorChangeKind.QUEUE;
        }
        throw new IllegalArgumentException(
                "No change kind for " + event.getClass().getSimpleName());
    }

    /** What the screens need to know of the change: never a tracking token or an appointment reference. */
    static Object detailOf(FloorEvent event, List<VisitView> touched) {
        if (event instanceof TicketCalled e) {
            return new CallDetail(e.ticket(), e.deskId(), e.serviceCode(), 0, e.at().toString());
        } else if (event instanceof TicketCalledOutOfTurn e) {
            // announced like any call: the screens say nothing of why
            return new CallDetail(e.ticket(), e.deskId(), e.serviceCode(), 0, e.at().toString());
        } else if (event instanceof TicketRecalled e) {
            return new CallDetail(
                    e.ticket(),
                    e.deskId(),
                    touched.isEmpty() ? null : touched.get(0).serviceCode,
                    e.recall(),
                    e.at().toString());
        }
        String type = event.getClass().getSimpleName();
        if (event instanceof DeskOpened e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", DeskStatus.OPEN);
        } else if (event instanceof DeskPaused e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", DeskStatus.PAUSED);
        } else if (event instanceof DeskResumed e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", DeskStatus.OPEN);
        } else if (event instanceof DeskClosed e) {
            return Map.of("event", type, "deskId", e.deskId(), "status", DeskStatus.CLOSED);
        }
        if (touched.size() == 1) {
            VisitView v = touched.get(0);
            return Map.of("event", type, "ticket", v.ticket, "serviceCode", v.serviceCode, "status", v.status.name());
        }
        return Map.of("event", type);
    }

    /** A call (recall > 0 for a recall) as the screens announce it. */
    public record CallDetail(String ticket, String deskId, String serviceCode, int recall, String at) {}
}
