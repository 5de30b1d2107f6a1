package app.nobat.floor.board;

import app.nobat.floor.domain.VisitStatus;

/** What happened to a visit at one step of its timeline (the end of day closes or carries it over). */
public enum VisitStep {
    ARRIVED,
    CALLED,
    /** Called by name at a desk, outside the policy's order, with a reason. */
    CALLED_OUT_OF_TURN,
    RECALLED,
    /** Back in its queue after a call, before its service started, with a reason. */
    RETURNED_TO_QUEUE,
    STARTED,
    COMPLETED,
    TRANSFERRED,
    NO_SHOW,
    CANCELLED,
    CLOSED,
    CARRIED_OVER;

    /** The step of an end-of-day closure with this outcome. */
    public static VisitStep closedAs(VisitStatus outcome) {
        return switch (outcome) {
            case CLOSED -> CLOSED;
            case CARRIED_OVER -> CARRIED_OVER;
            default -> throw new IllegalArgumentException("The end of day does not leave a visit " + outcome);
        };
    }
}
