package app.nobat.planning.simulation;

import java.util.List;
import java.util.Map;

/**
 * A simulated day: every visit, the estimates taken later, and each desk's time.
 *
 * @param desks per desk id, its open and busy time
 * @param deskTimes per service, its visits' desk times over the day (call to end), as the board counted them
 */
public record DayResult(
        String profile,
        long seed,
        String floorId,
        List<String> estimators,
        List<VisitRecord> visits,
        List<LaterEstimate> later,
        Map<String, DeskTime> desks,
        Map<String, ServiceDeskTime> deskTimes) {

    /** A service's visits that ended at a desk, and their time there in all. */
    public record ServiceDeskTime(long millis, long visits) {}

    /**
     * @param openMillis  time open and not paused (the overtime after closing included)
     * @param busyMillis  per service, time from a call to the visit's completion or no-show
     */
    public record DeskTime(long openMillis, Map<String, Long> busyMillis) {

        public long busyTotal() {
            return busyMillis.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
