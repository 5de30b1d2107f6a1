package app.nobat.planning.simulation;

import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.WaitEstimate;
import app.nobat.floor.board.WaitEstimator;
import java.time.Instant;

/**
 * The estimator of issue 14 ({@link WaitEstimator}): the floor played forward with its own policy,
 * shared desks, overtaking arrivals, busy, paused and idle desks and the hour's pace, with a range
 * where the spread is wide. What the kiosk ticket, the TV, the phone and the supervisor's board show.
 */
public final class NewEstimator implements Estimator {

    @Override
    public String name() {
        return "new";
    }

    @Override
    public Shown shownAt(FloorBoard board, String visitId, Instant now) {
        WaitEstimate estimate = WaitEstimator.forVisit(board, board.visits.get(visitId), now);
        if (!estimate.known()) {
            return Shown.NONE;
        }
        return Shown.range(estimate.minutes(), estimate.lowMinutes(), estimate.highMinutes());
    }
}
