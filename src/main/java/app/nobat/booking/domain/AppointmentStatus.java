package app.nobat.booking.domain;

public enum AppointmentStatus {
    BOOKED,
    CHECKED_IN,
    CANCELLED,
    MISSED,
    MOVED;

    /** Holds a seat and the identity's one appointment for the service. */
    public boolean active() {
        return this == BOOKED;
    }
}
