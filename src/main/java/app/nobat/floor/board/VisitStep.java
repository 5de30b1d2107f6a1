package app.nobat.floor.board;

import app.nobat.floor.domain.VisitStatus;

/** What happened to a visit at one step of its timeline (the end of day closes or carries it over). */
public enum VisitStep {
    ARRIVED,
    CALLED,
    RECALLED,
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
