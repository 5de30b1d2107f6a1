package app.nobat.floor.domain;

/**
 * Why a desk called a named ticket instead of the next one by the policy (docs/design.md, queue
 * policy): recorded on the call, so that "I was skipped" can be checked by replay.
 */
public enum OutOfTurnReason {
    /** The visitor stepped out when called (the ticket was returned to the queue) and is back. */
    RETURNED_AFTER_STEPPING_OUT,
    /** An appointment holder at their time. */
    APPOINTMENT,
    /** Another reason, said in the note. */
    OTHER
}
