package app.nobat.planning.domain;

/** Where an hour's mean service time comes from. */
public enum ServiceTimeBasis {
    /** The services that ended in the hour's own window (at least {@link ObservedStaffing#SERVICES_FOR_AN_HOUR}). */
    HOUR,
    /** Fewer ended in the window: every service of the day that ended before the window's end. */
    DAY,
    /** None had ended yet: the service's default. */
    DEFAULT
}
