package app.nobat.booking.domain;

import java.time.Instant;
import java.time.LocalTime;

/**
 * One appointment as its day book knows it.
 *
 * @param guardId the identity guard its claim lives in (names a keyed hash, never shown to visitors)
 * @param movedTo the day book it moved to (status MOVED), else null
 */
public record Appointment(
        String code,
        String dayBookId,
        LocalTime slot,
        Instant slotStart,
        AppointmentStatus status,
        String visitorRef,
        String guardId,
        String visitId,
        String movedTo,
        Instant checkInOpens,
        Instant checkInCloses) {}
