package app.nobat.planning.domain;

/** Desks needed by Erlang C: the smallest number of desks whose queue meets the planner's target. */
public final class Staffing {

    /** More desks than any centre has; a question needing more is refused rather than searched. */
    public static final int MAX_DESKS = 1_000;

    private Staffing() {}

    /**
     * Starts at the fewest desks that keep the line steady (more than the offered load) and adds one
     * at a time: the share within the target only grows with each desk, so the first that meets it
     * is the answer. With no arrivals no desk is needed, and nobody waits.
     *
     * @throws app.nobat.common.InvalidInput {@code load-beyond-planning} past {@link #MAX_DESKS}
     */
    public static StaffingAnswer desksNeeded(StaffingQuestion question) {
        if (question.arrivalsPerHour() == 0) {
            return new StaffingAnswer(0, 0, 0, 0, 0, 1);
        }
        QueueModel fewest = new QueueModel(question.arrivalsPerHour(), question.meanServiceMinutes(), 1);
        int steady = (int) Math.floor(fewest.offeredLoad()) + 1;
        for (int desks = steady; desks <= MAX_DESKS; desks++) {
            QueueModel model = new QueueModel(question.arrivalsPerHour(), question.meanServiceMinutes(), desks);
            if (model.outlook(question.targetWaitMinutes()) instanceof QueueOutlook.Steady steadyLine
                    && steadyLine.shareWithinTarget() >= question.share()) {
                return new StaffingAnswer(
                        desks,
                        model.offeredLoad(),
                        steadyLine.utilisation(),
                        steadyLine.probabilityOfWaiting(),
                        steadyLine.meanWaitMinutes(),
                        steadyLine.shareWithinTarget());
            }
        }
        throw PlanningRefusal.LOAD_BEYOND_PLANNING.at(null, "max", MAX_DESKS);
    }
}
