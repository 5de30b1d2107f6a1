package app.nobat.booking.domain;

import app.nobat.booking.domain.DayBookCommand.CancelReason;
import java.time.Instant;
import java.time.LocalTime;
import org.axonframework.serialization.Revision;

/** What happened to the appointments of one service on one day. No personal data: only a visitor reference. */
public sealed interface DayBookEvent {

    String dayBookId();

    String code();

    @Revision("1")
    record AppointmentBooked(
            String dayBookId,
            String code,
            LocalTime slot,
            Instant slotStart,
            String visitorRef,
            String guardId,
            String movedFrom,
            Instant at)
            implements DayBookEvent {}

    @Revision("1")
    record AppointmentCancelled(String dayBookId, String code, LocalTime slot, CancelReason reason, Instant at)
            implements DayBookEvent {}

    @Revision("1")
    record AppointmentMoved(
            String dayBookId, String code, LocalTime fromSlot, LocalTime toSlot, Instant toSlotStart, Instant at)
            implements DayBookEvent {}

    @Revision("1")
    record AppointmentMovedOut(String dayBookId, String code, LocalTime slot, String toDayBook, Instant at)
            implements DayBookEvent {}

    @Revision("1")
    record AppointmentCheckedIn(String dayBookId, String code, String visitId, Instant at) implements DayBookEvent {}

    @Revision("1")
    record AppointmentMissed(String dayBookId, String code, Instant at) implements DayBookEvent {}

    @Revision("1")
    record AppointmentReminderDue(String dayBookId, String code, String visitorRef, Instant slotStart, Instant at)
            implements DayBookEvent {}

    /** A code whose booking never arrived here; it can no longer take a seat in this day book. */
    @Revision("1")
    record BookingAbandoned(String dayBookId, String code, Instant at) implements DayBookEvent {}
}
