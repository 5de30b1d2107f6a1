package app.nobat.planning.simulation;

import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.planning.simulation.Estimator.Shown;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One simulated visit as the floor's events tell it, with what each estimator showed at its arrival.
 *
 * @param openingQueue      one of the visitors already at the door at opening (all arrive at once)
 * @param calledAt          its first call (null: never called)
 * @param outcome           how it ended: completed, no-show, or closed at the end of the day
 * @param positionAtArrival its position in its service's queue at arrival (1 = next)
 * @param shownAtArrival    per estimator name, the estimate shown at arrival
 */
public record VisitRecord(
        String visitId,
        String serviceCode,
        PriorityClass priorityClass,
        boolean appointment,
        boolean openingQueue,
        Instant arrivedAt,
        @Nullable Instant calledAt,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        VisitStatus outcome,
        @Nullable String deskId,
        int positionAtArrival,
        Map<String, Shown> shownAtArrival) {

    public boolean called() {
        return calledAt != null;
    }

    /** Minutes from arrival to the first call: the wait the estimate promised. */
    public double waitMinutes() {
        if (calledAt == null) {
            throw new IllegalStateException(visitId + " was never called");
        }
        return Duration.between(arrivedAt, calledAt).toMillis() / 60_000.0;
    }
}
