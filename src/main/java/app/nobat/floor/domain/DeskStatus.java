package app.nobat.floor.domain;

/** Whether a desk takes calls: the same three values in the aggregate, the board and the API. */
public enum DeskStatus {
    OPEN,
    PAUSED,
    CLOSED
}
