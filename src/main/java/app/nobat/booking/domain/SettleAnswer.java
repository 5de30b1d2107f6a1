package app.nobat.booking.domain;

/** Where a booking code stands in a day book. {@code movedTo} is set for {@link Outcome#MOVED}. */
public record SettleAnswer(Outcome outcome, String movedTo) {

    public enum Outcome {
        ACTIVE,
        ENDED,
        MOVED
    }
}
