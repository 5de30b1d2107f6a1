package app.nobat.booking.domain;

import java.time.Duration;
import java.time.Instant;

/** A visitor may check in from {@code before} the slot's start until {@code after} it. */
public record CheckInWindow(Duration before, Duration after) {

    public CheckInWindow {
        if (before == null || after == null || before.isNegative() || after.isNegative()) {
            throw new IllegalArgumentException("check-in window bounds must be zero or positive");
        }
    }

    public Instant opensAt(Instant slotStart) {
        return slotStart.minus(before);
    }

    public Instant closesAt(Instant slotStart) {
        return slotStart.plus(after);
    }
}
