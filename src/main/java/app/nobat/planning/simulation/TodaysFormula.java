package app.nobat.planning.simulation;

import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.VisitView;
import java.time.Instant;

/**
 * The estimate the screens showed before issue 14: the visit's position in its service's queue times
 * the day's average service minutes, divided by the desks open for the service
 * ({@link FloorBoard#estimatedWaitMinutes}). A single number, no range.
 */
public final class TodaysFormula implements Estimator {

    @Override
    public String name() {
        return "today";
    }

    @Override
    public Shown shownAt(FloorBoard board, String visitId, Instant now) {
        VisitView visit = board.visits.get(visitId);
        int position = board.positionOf(visit, now);
        return Shown.exactly(board.estimatedWaitMinutes(visit.serviceCode, position));
    }
}
