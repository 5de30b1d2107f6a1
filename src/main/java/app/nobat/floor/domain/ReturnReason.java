package app.nobat.floor.domain;

/** Why a called ticket went back to the queue before its service started. */
public enum ReturnReason {
    /** The visitor is not at the desk (stepped out) and is expected back. */
    VISITOR_NOT_HERE,
    /** The visitor came but is not ready yet (a paper or a photo missing). */
    VISITOR_NOT_READY,
    /** The desk called this ticket by mistake. */
    CALLED_BY_MISTAKE,
    /** Another reason, said in the note. */
    OTHER
}
