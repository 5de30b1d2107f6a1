package app.nobat.floor.domain;

public enum VisitStatus {
    WAITING,
    CALLED,
    IN_SERVICE,
    COMPLETED,
    NO_SHOW,
    CANCELLED,
    CLOSED,
    CARRIED_OVER;

    public boolean isOpen() {
        return this == WAITING || this == CALLED || this == IN_SERVICE;
    }
}
