package app.nobat.planning.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.domain.FloorId;
import app.nobat.planning.domain.FloorStaffing;
import app.nobat.planning.domain.ObservedStaffing;
import app.nobat.planning.domain.ServiceTarget;
import app.nobat.planning.domain.ServiceTimeBasis;
import app.nobat.planning.observed.ObservedFloors;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Staffing advice on today's floor of a centre, for its supervisors and administrators: what each
 * service's hours brought and what Erlang C says they needed (docs/design.md, Staffing advice).
 */
@RestController
@RequestMapping("/api/planning")
@Tag(name = "planning", description = "Staffing advice from queueing theory")
public class CentreStaffingController {

    /** The share of visitors kept within the target when the request names none. */
    static final double DEFAULT_SHARE = 0.8;

    private final CentreCatalog catalog;
    private final FloorQueries floors;
    private final ObservedFloors observed;

    public CentreStaffingController(CentreCatalog catalog, FloorQueries floors, ObservedFloors observed) {
        this.catalog = catalog;
        this.floors = floors;
        this.observed = observed;
    }

    /**
     * Today's advice: each service's hours (the current one last) and each hour's groups of services
     * that share desks.
     */
    public record CentreStaffingView(
            String centreId,
            String day,
            Instant at,
            double share,
            String currentHour,
            List<ServiceStaffingView> services,
            List<SharedDesksHourView> sharedDesks) {}

    public record ServiceStaffingView(String serviceCode, int targetWaitMinutes, List<StaffingHourView> hours) {}

    /**
     * One service in one hour: a past hour is its clock hour (from the floor's start for the first);
     * the current one the last 60 minutes. A rate is counted over 15 minutes at least.
     *
     * @param arrivals visitors who joined the service's queue in the window, transfers in included
     * @param meanServiceMinutes from the hour's own services when at least 3 ended in it (HOUR), else
     *     the day's so far (DAY), else the board's default (DEFAULT)
     * @param offeredLoadErlangs desks busy on average at this rate and service time
     * @param meanDesksServing open desks offering the service, on average over the window; a desk
     *     shared with other services counts for each (see sharedDesks)
     * @param desksServingNow open desks offering the service now; the current hour only
     * @param desksNeeded Erlang C's fewest desks for share of visitors within the target at this rate
     *     and service time; null beyond planning
     * @param understaffed fewer desks serving (now, or on average for a past hour) than needed
     */
    public record StaffingHourView(
            String hour,
            boolean current,
            Instant from,
            Instant until,
            int arrivals,
            double arrivalsPerHour,
            int servicesEnded,
            double meanServiceMinutes,
            ServiceTimeBasis serviceTimeBasis,
            double offeredLoadErlangs,
            double meanDesksServing,
            @Nullable Integer desksServingNow,
            @Nullable Integer desksNeeded,
            boolean understaffed) {}

    /** One hour's groups of services joined by desks that serve more than one of them. */
    public record SharedDesksHourView(String hour, boolean current, List<DeskGroupView> groups) {}

    /**
     * Services that shared desks, with those desks counted once: their combined load and what it needs.
     *
     * @param targetWaitMinutes the strictest target of the group's services that had arrivals
     * @param desksNeeded Erlang C for the pooled load, as if every desk took every service of the group
     *     (usually the fewest they can do with)
     * @param desksNeededApart the services' own figures added up: what desks not shared at all would need
     */
    public record DeskGroupView(
            List<String> serviceCodes,
            double meanDesksServing,
            @Nullable Integer desksServingNow,
            double offeredLoadErlangs,
            int targetWaitMinutes,
            @Nullable Integer desksNeeded,
            @Nullable Integer desksNeededApart,
            boolean understaffed) {}

    @GetMapping("/centres/{centreId}/staffing")
    @Operation(
            summary =
                    "Staffing advice on today's floor: for each service and hour so far (the current one read over "
                            + "the last 60 minutes), the arrival rate, mean service time and desks serving observed, and the "
                            + "fewest desks at which 'share' of visitors wait at most the service's target by Erlang C; and "
                            + "for services that share desks, their combined load; supervisors and administrators of the centre")
    public Mono<CentreStaffingView> staffing(
            @PathVariable String centreId,
            @Parameter(
                            description = "The share of visitors to keep within each service's target, above 0 and at "
                                    + "most 1; 0.8 when left out",
                            example = "0.8")
                    @RequestParam(required = false)
                    @Nullable
                    Double share) {
        double asked = share == null ? DEFAULT_SHARE : share;
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            FloorId today = floors.today(centreId);
            FloorBoard board = floors.board(today);
            Instant now = floors.clock().instant();
            List<ServiceTarget> services = centre.services().stream()
                    .map(s -> new ServiceTarget(s.code(), s.targetWaitMinutes(), board.averageServiceMinutes(s.code())))
                    .toList();
            FloorStaffing staffing = ObservedStaffing.advise(
                    observed.observe(today), services, ZoneId.of(centre.timeZone()), now, asked);
            return view(centreId, today, now, staffing);
        });
    }

    static CentreStaffingView view(String centreId, FloorId day, Instant now, FloorStaffing staffing) {
        return new CentreStaffingView(
                centreId,
                day.day().toString(),
                now,
                staffing.share(),
                staffing.currentHour(),
                staffing.services().stream()
                        .map(s -> new ServiceStaffingView(
                                s.serviceCode(),
                                s.targetWaitMinutes(),
                                s.hours().stream()
                                        .map(CentreStaffingController::hour)
                                        .toList()))
                        .toList(),
                staffing.floor().stream()
                        .map(f -> new SharedDesksHourView(
                                f.hour(),
                                f.current(),
                                f.groups().stream()
                                        .map(CentreStaffingController::group)
                                        .toList()))
                        .toList());
    }

    private static StaffingHourView hour(FloorStaffing.Hour h) {
        return new StaffingHourView(
                h.hour(),
                h.current(),
                h.from(),
                h.until(),
                h.arrivals(),
                h.arrivalsPerHour(),
                h.servicesEnded(),
                h.meanServiceMinutes(),
                h.serviceTimeBasis(),
                h.offeredLoad(),
                h.meanDesksServing(),
                h.desksServingNow(),
                h.desksNeeded(),
                h.understaffed());
    }

    private static DeskGroupView group(FloorStaffing.DeskGroup g) {
        return new DeskGroupView(
                g.serviceCodes(),
                g.meanDesksServing(),
                g.desksServingNow(),
                g.offeredLoad(),
                g.targetWaitMinutes(),
                g.desksNeeded(),
                g.desksNeededApart(),
                g.understaffed());
    }
}
