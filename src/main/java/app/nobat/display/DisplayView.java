package app.nobat.display;

import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.CallView;
import app.nobat.floor.domain.DeskStatus;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a queue display shows: tickets, desks and services only, never a person. */
public record DisplayView(
        String centreId,
        String day,
        boolean closed,
        @Nullable CallView latestCall,
        List<CallView> recentCalls,
        List<ServiceLine> services,
        List<DeskLine> desks) {

    public static final int CALLS_SHOWN = 10;

    public record ServiceLine(String serviceCode, int waiting, int estimatedWaitMinutes, double longestWaitMinutes) {}

    public record DeskLine(
            String deskId, DeskStatus status, @Nullable String currentTicket) {}

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
                    return new ServiceLine(
                            code,
                            waiting.size(),
                            board.estimatedWaitMinutes(code, waiting.size() + 1),
                            Math.round(longest * 10) / 10.0);
                })
                .toList();
        List<DeskLine> desks = board.desks.values().stream()
                .map(d -> new DeskLine(d.deskId, d.status, d.currentTicket))
                .toList();
        return new DisplayView(
                board.centreId, board.day, board.closed, calls.isEmpty() ? null : calls.get(0), calls, services, desks);
    }
}
