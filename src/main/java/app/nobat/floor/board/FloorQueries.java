package app.nobat.floor.board;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Reads of floors shared by the desk, display and tracking screens. */
public class FloorQueries {

    private final CentreCatalog catalog;
    private final FloorBoardRepository boards;
    private final FloorFeed feed;
    private final Clock clock;

    public FloorQueries(CentreCatalog catalog, FloorBoardRepository boards, FloorFeed feed, Clock clock) {
        this.catalog = catalog;
        this.boards = boards;
        this.feed = feed;
        this.clock = clock;
    }

    /** Today's floor of a centre, in the centre's time zone. @throws app.nobat.common.UnknownReference */
    public FloorId today(String centreId) {
        CentreProfile centre = catalog.get(centreId);
        return new FloorId(centreId, LocalDate.now(clock.withZone(ZoneId.of(centre.timeZone()))));
    }

    /** The centre's service codes in its own order. @throws app.nobat.common.UnknownReference */
    public List<String> serviceOrder(String centreId) {
        return catalog.get(centreId).services().stream()
                .map(CentreProfile.Service::code)
                .toList();
    }

    /** The freshest board of a floor: the live one when it is the centre's current floor. */
    public FloorBoard board(FloorId floorId) {
        FloorBoard live = feed.current(floorId.centreId()).board();
        if (floorId.toString().equals(live.floorId)) {
            return live;
        }
        return storedBoard(floorId);
    }

    /** The board as last stored by the projection. */
    private FloorBoard storedBoard(FloorId floorId) {
        return boards.board(floorId.toString()).orElseGet(() -> {
            FloorBoard empty = new FloorBoard();
            empty.floorId = floorId.toString();
            empty.centreId = floorId.centreId();
            empty.day = floorId.day().toString();
            return empty;
        });
    }

    public Optional<VisitView> visit(String visitId) {
        return boards.visit(visitId);
    }

    /** A visit of a day by its ticket: the live board first (a visit not stored yet), then the records. */
    public Optional<VisitView> visitByTicket(FloorId floorId, String ticket) {
        FloorBoard board = board(floorId);
        Optional<VisitView> live = board.visits.values().stream()
                .filter(v ->
                        ticket.equals(v.ticket) || v.timeline.stream().anyMatch(step -> ticket.equals(step.ticket())))
                .findFirst();
        return live.isPresent() ? live : boards.visitByTicket(floorId.toString(), ticket);
    }

    public Optional<String> visitIdForToken(String token) {
        Optional<String> stored = boards.visitIdForToken(token);
        return stored.isPresent() ? stored : feed.liveVisitForToken(token);
    }

    public Clock clock() {
        return clock;
    }
}
