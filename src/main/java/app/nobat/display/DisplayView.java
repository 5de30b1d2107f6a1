package app.nobat.display;

import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.CallView;
import app.nobat.floor.board.FloorBoard.DeskView;
import app.nobat.floor.board.FloorBoard.TimelineEntry;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.board.VisitStep;
import app.nobat.floor.board.WaitEstimate;
import app.nobat.floor.board.WaitEstimator;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.VisitStatus;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a queue display shows: tickets, desks and services only, never a person.
 *
 * @param latestCall the newest call whose ticket its desk still serves (called or in service);
 *     null once that visit has ended and on a closed day, so an ended ticket is never "now serving"
 * @param recentCalls the newest calls and recalls first, also of visits that have ended since
 * @param desks every desk of the floor with what it serves now
 */
public record DisplayView(
        String centreId,
        String day,
        boolean closed,
        @Nullable CallView latestCall,
        List<CallView> recentCalls,
        List<ServiceLine> services,
        List<DeskLine> desks) {

    public static final int CALLS_SHOWN = 10;

    /** @param estimatedWait the wait of a visitor taking a ticket now, as the kiosk would promise it */
    public record ServiceLine(
            String serviceCode,
            int waiting,
            int estimatedWaitMinutes,
            WaitEstimate estimatedWait,
            double longestWaitMinutes) {}

    /** @param serving the ticket the desk serves now, null when it serves none */
    public record DeskLine(
            String deskId,
            DeskStatus status,
            @Nullable String currentTicket,
            @Nullable NowServing serving) {}

    /**
     * The ticket a desk serves now.
     *
     * @param status {@code CALLED} (the visitor is on the way) or {@code IN_SERVICE}
     * @param recalls how often it was called again since the first call (0 = called once)
     * @param since when the ticket was called, or when its service started once it has
     */
    public record NowServing(String ticket, String serviceCode, VisitStatus status, int recalls, Instant since) {}

    /** @param serviceOrder the centre's services in its own order: every one is shown, even before any arrival */
    public static DisplayView of(FloorBoard board, List<String> serviceOrder, Instant now) {
        List<CallView> calls = board.recentCalls.stream().limit(CALLS_SHOWN).toList();
        List<ServiceLine> services = serviceOrder.stream()
                .map(code -> {
                    var waiting =
                            board.settings == null ? List.<FloorBoard.VisitView>of() : board.waitingFor(code, now);
                    double longest = waiting.stream()
                            .mapToDouble(v -> Duration.between(v.arrivedAt, now).toSeconds() / 60.0)
                            .max()
                            .orElse(0);
                    WaitEstimate eta = WaitEstimator.forNewcomer(board, code, now);
                    return new ServiceLine(code, waiting.size(), eta.minutes(), eta, Math.round(longest * 10) / 10.0);
                })
                .toList();
        List<DeskLine> desks = board.desks.values().stream()
                .map(d -> {
                    NowServing serving = board.closed ? null : serving(board, d);
                    return new DeskLine(d.deskId, d.status, serving == null ? null : serving.ticket(), serving);
                })
                .toList();
        CallView latest = calls.stream()
                .filter(c -> desks.stream()
                        .anyMatch(
                                d -> d.deskId().equals(c.deskId()) && c.ticket().equals(d.currentTicket())))
                .findFirst()
                .orElse(null);
        return new DisplayView(board.centreId, board.day, board.closed, latest, calls, services, desks);
    }

    private static @Nullable NowServing serving(FloorBoard board, DeskView desk) {
        VisitView v = desk.currentVisitId == null ? null : board.visits.get(desk.currentVisitId);
        if (v == null || (v.status != VisitStatus.CALLED && v.status != VisitStatus.IN_SERVICE)) {
            return null;
        }
        Instant since = v.calledAt;
        if (v.status == VisitStatus.IN_SERVICE) {
            since = v.timeline.stream()
                    .filter(t -> t.event() == VisitStep.STARTED)
                    .map(TimelineEntry::at)
                    .reduce((a, b) -> b)
                    .orElse(v.calledAt);
        }
        return new NowServing(v.ticket, v.serviceCode, v.status, v.recalls, since);
    }
}
