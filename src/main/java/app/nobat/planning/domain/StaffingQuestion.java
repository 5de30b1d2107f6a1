package app.nobat.planning.domain;

import app.nobat.common.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A planner's question: with visitors arriving at {@code arrivalsPerHour} and served in
 * {@code meanServiceMinutes} on average, how many desks let at least {@code share} of them (e.g.
 * 0.8) wait at most {@code targetWaitMinutes}? Each value is refused by its own query parameter.
 */
public record StaffingQuestion(
        double arrivalsPerHour, double meanServiceMinutes, double targetWaitMinutes, double share) {

    /** Beyond these a centre's question is a typo, and the search for desks would only burn time. */
    public static final int MAX_ARRIVALS_PER_HOUR = 10_000;

    public static final int MAX_MINUTES = 8 * 60;

    /**
     * @throws InvalidInput every value out of range at once, each at its parameter (NaN and infinities
     *     are out of range, as comparisons with NaN fail)
     */
    public StaffingQuestion {
        List<InvalidInput> wrong = new ArrayList<>();
        if (!(arrivalsPerHour >= 0 && arrivalsPerHour <= MAX_ARRIVALS_PER_HOUR)) {
            wrong.add(PlanningRefusal.INVALID_RATE.at("/arrivalsPerHour", "max", MAX_ARRIVALS_PER_HOUR));
        }
        if (!(meanServiceMinutes > 0 && meanServiceMinutes <= MAX_MINUTES)) {
            wrong.add(PlanningRefusal.INVALID_SERVICE_TIME.at("/meanServiceMinutes", "max", MAX_MINUTES));
        }
        if (!(targetWaitMinutes >= 0 && targetWaitMinutes <= MAX_MINUTES)) {
            wrong.add(PlanningRefusal.INVALID_TARGET_WAIT.at("/targetWaitMinutes", "max", MAX_MINUTES));
        }
        if (!(share > 0 && share <= 1)) {
            wrong.add(PlanningRefusal.INVALID_SHARE.at("/share"));
        }
        if (!wrong.isEmpty()) {
            throw InvalidInput.together(wrong);
        }
    }
}
