package app.nobat.floor.domain;

/** What happens to visits still open when the floor closes. */
public enum EndOfDayRule {
    /** Every open visit is closed with a reason. */
    CLOSE,
    /** Waiting and called visits move to the next day's floor, keeping their arrival time. */
    CARRY_OVER
}
