package app.nobat.platform.metrics;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.ServiceStats;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the floor gauges show for one service of a centre's floor at a moment, read from its board
 * as the supervisor's queues view reads it: counts and minutes only, never a visit or a ticket.
 *
 * @param waiting visits waiting for the service now
 * @param longestWaitMinutes how long the longest-waiting of them has waited
 * @param desksServing open desks that call this service (busy ones included; paused and closed not)
 * @param targetBreaches waiting visits that have waited longer than the service's target wait
 * @param called visits of the service called today (a visit counts once; a recall is not a call)
 */
public record ServiceMeasure(
        int waiting, double longestWaitMinutes, long desksServing, int targetBreaches, int called) {

    /** Every service of the centre, in the centre's order; a floor not started yet shows zeros. */
    public static Map<String, ServiceMeasure> of(CentreProfile centre, FloorBoard board, Instant now) {
        Map<String, ServiceMeasure> measures = new LinkedHashMap<>();
        for (CentreProfile.Service service : centre.services()) {
            int waiting = 0;
            int breaches = 0;
            double longest = 0;
            for (VisitView v : board.visits.values()) {
                if (v.status != VisitStatus.WAITING || !service.code().equals(v.serviceCode)) {
                    continue;
                }
                double waited = Math.max(0, Duration.between(v.arrivedAt, now).toMillis()) / 60_000.0;
                waiting++;
                longest = Math.max(longest, waited);
                if (waited > service.targetWaitMinutes()) {
                    breaches++;
                }
            }
            ServiceStats stats = board.stats.get(service.code());
            measures.put(
                    service.code(),
                    new ServiceMeasure(
                            waiting,
                            longest,
                            board.desksServing(service.code()),
                            breaches,
                            stats == null ? 0 : stats.called));
        }
        return measures;
    }
}
