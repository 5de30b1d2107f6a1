package app.nobat.floor.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.display.DisplayView;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.FloorRefusal;
import app.nobat.floor.history.FloorHistory;
import app.nobat.floor.history.FloorHistory.Explanation;
import app.nobat.floor.history.FloorHistory.Recorded;
import app.nobat.floor.web.FloorRequests.QueuesView;
import app.nobat.platform.web.Blocking;
import app.nobat.platform.web.RequestRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A centre's past floors, rebuilt from their events: the floor at an instant, and why a visit waited. */
@RestController
@RequestMapping("/api/centres/{centreId}/history")
@Tag(name = "history", description = "A centre's floors of any day, rebuilt from the events (supervisors)")
public class HistoryController {

    private final FloorHistory history;
    private final CentreCatalog catalog;

    public HistoryController(FloorHistory history, CentreCatalog catalog) {
        this.history = history;
        this.catalog = catalog;
    }

    /** The instants at which something happened on a day's floor: the steps of its playback. */
    public record DayInstants(String centreId, String day, String timeZone, List<Instant> instants) {}

    /**
     * The floor at an instant, rebuilt from the floor's events up to it.
     *
     * @param events how many of the day's events were folded
     * @param queues the queues and desks as the supervisor's board showed them then
     * @param display the TV display as it stood then
     */
    public record FloorAt(
            String centreId, String day, Instant at, int events, QueuesView queues, DisplayView display) {}

    @GetMapping("/instants")
    @Operation(summary = "The instants of a day's floor events, in order: the steps of a time-travel playback")
    public Mono<DayInstants> instants(@PathVariable String centreId, @RequestParam String day) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            FloorId floor = new FloorId(centreId, FloorController.dayOf(day));
            List<Recorded> events = dayOf(floor);
            return new DayInstants(centreId, floor.day().toString(), centre.timeZone(), FloorHistory.instants(events));
        });
    }

    @GetMapping("/floor")
    @Operation(
            summary = "The floor of a day at an instant (UTC): queues, desks and display, rebuilt from the "
                    + "floor's events up to that instant")
    public Mono<FloorAt> floorAt(@PathVariable String centreId, @RequestParam String day, @RequestParam String at) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            FloorId floor = new FloorId(centreId, FloorController.dayOf(day));
            Instant instant = instantOf(at);
            ZoneId zone = ZoneId.of(centre.timeZone());
            if (!LocalDate.ofInstant(instant, zone).equals(floor.day())) {
                throw FloorRefusal.INSTANT_OUTSIDE_DAY.with(
                        "at", instant.toString(), "date", floor.day().toString(), "timeZone", centre.timeZone());
            }
            List<Recorded> events = dayOf(floor);
            FloorBoard board = FloorHistory.boardAt(events, instant);
            if (board.floorId == null) {
                board.floorId = floor.toString();
                board.centreId = centreId;
                board.day = floor.day().toString();
            }
            List<String> order =
                    centre.services().stream().map(CentreProfile.Service::code).toList();
            return new FloorAt(
                    centreId,
                    floor.day().toString(),
                    instant,
                    FloorHistory.eventsUpTo(events, instant),
                    FloorController.queuesOf(centre, board, instant),
                    DisplayView.of(board, order, instant));
        });
    }

    @GetMapping("/explanation")
    @Operation(
            summary = "Why a visit waited (\"I was skipped\"): every ticket called while it was waiting, with the "
                    + "reason stored on each call; the visit found by its ticket on a day")
    public Mono<Explanation> explanation(
            @PathVariable String centreId, @RequestParam String ticket, @RequestParam String day) {
        String number = FloorController.printedTicket(ticket);
        return Blocking.call(() -> {
            catalog.get(centreId);
            FloorId floor = new FloorId(centreId, FloorController.dayOf(day));
            return FloorHistory.explain(dayOf(floor), number)
                    .orElseThrow(() -> FloorRefusal.TICKET_NOT_ON_DAY.with(
                            "ticket", number, "date", floor.day().toString()));
        });
    }

    private List<Recorded> dayOf(FloorId floor) {
        List<Recorded> events = history.day(floor);
        if (events.isEmpty()) {
            throw FloorRefusal.NO_FLOOR_ON_DAY.with(
                    "centre", floor.centreId(), "date", floor.day().toString());
        }
        return events;
    }

    private static Instant instantOf(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw RequestRefusal.PARAMETER.at(null, "parameter", "at");
        }
    }
}
