package app.nobat.floor.board;

import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import app.nobat.floor.domain.FloorEvent.FloorStarted;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    void on(FloorEvent event, @SequenceNumber long sequence) {
        FloorBoard board = boards.computeIfAbsent(event.floorId(), id -> event instanceof FloorStarted
                ? new FloorBoard()
                // a floor that started before this node's window: begin from the stored board
                : stored.board(id).orElseGet(FloorBoard::new));
        List<VisitView> touched = board.apply(event, sequence);
        if (board.lastSequence != sequence || board.centreId == null) {
            return;
        }
        feed.publish(board.centreId, FloorBoardProjection.kindOf(event),
                FloorBoardProjection.detailOf(event, touched), json.convertValue(board, FloorBoard.class));
        if (event instanceof FloorClosed) {
            boards.remove(event.floorId());
        }
    }
}
