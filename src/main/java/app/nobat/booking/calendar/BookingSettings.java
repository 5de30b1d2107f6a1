package app.nobat.booking.calendar;

import app.nobat.booking.domain.CheckInWindow;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Appointment settings ({@code nobat.booking.*}).
 *
 * @param checkInBefore how long before a slot's start check-in opens
 * @param checkInAfter  how long after a slot's start check-in stays open
 * @param horizonDays   how many days ahead visitors may book
 * @param reminderLead  how long before the slot the reminder goes out
 * @param turnNearAt    a checked-in visitor is told their turn is near at this queue position
 * @param claimGrace    an identity claim younger than this is taken as a booking still in flight
 * @param holidays      where the official holidays shipped as data are, as a resource pattern
 */
@ConfigurationProperties("nobat.booking")
public record BookingSettings(
        Duration checkInBefore,
        Duration checkInAfter,
        Integer horizonDays,
        Duration reminderLead,
        Integer turnNearAt,
        Duration claimGrace,
        String holidays) {

    public BookingSettings {
        checkInBefore = checkInBefore == null ? Duration.ofMinutes(30) : checkInBefore;
        checkInAfter = checkInAfter == null ? Duration.ofMinutes(15) : checkInAfter;
        horizonDays = horizonDays == null ? 60 : horizonDays;
        reminderLead = reminderLead == null ? Duration.ofHours(24) : reminderLead;
        turnNearAt = turnNearAt == null ? 3 : turnNearAt;
        claimGrace = claimGrace == null ? Duration.ofSeconds(30) : claimGrace;
        holidays = holidays == null || holidays.isBlank() ? "classpath*:holidays/*.yml" : holidays;
    }

    public CheckInWindow window() {
        return new CheckInWindow(checkInBefore, checkInAfter);
    }
}
