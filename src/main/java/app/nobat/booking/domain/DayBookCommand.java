package app.nobat.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the appointments of one service on one day. {@code at} is when the command was issued. */
public sealed interface DayBookCommand {

    String dayBookId();

    /**
     * Takes a seat in {@code slot}. Repeating it with the same code and slot answers the same seat.
     *
     * @param visitorRef random reference to the visitor's personal data (never the data itself)
     * @param guardId    the identity guard holding the visitor's one appointment for the service
     * @param movedFrom  the day book the appointment moves from, else null
     */
    record BookSeat(
            @TargetAggregateIdentifier String dayBookId,
            String code,
            LocalTime slot,
            String visitorRef,
            String guardId,
            String movedFrom,
            Instant at)
            implements DayBookCommand {}

    /** The visitor gives the appointment up; a repeat changes nothing. */
    record CancelAppointment(@TargetAggregateIdentifier String dayBookId, String code, CancelReason reason, Instant at)
            implements DayBookCommand {}

    record MoveWithinDay(@TargetAggregateIdentifier String dayBookId, String code, LocalTime toSlot, Instant at)
            implements DayBookCommand {}

    /** The appointment now lives in another day book, where a seat is already held for it. */
    record MoveOut(@TargetAggregateIdentifier String dayBookId, String code, String toDayBook, Instant at)
            implements DayBookCommand {}

    /** Inside the check-in window, records the visit the check-in starts; a repeat answers the same visit. */
    record CheckIn(@TargetAggregateIdentifier String dayBookId, String code, String visitId, Instant at)
            implements DayBookCommand {}

    /** Marks missed every appointment whose check-in window has closed. */
    record MarkMissed(@TargetAggregateIdentifier String dayBookId, Instant at) implements DayBookCommand {}

    /** Marks the reminders due: appointments starting within {@code lead} that were not reminded yet. */
    record MarkRemindersDue(@TargetAggregateIdentifier String dayBookId, Duration lead, Instant at)
            implements DayBookCommand {}

    /**
     * Says whether {@code code} holds an appointment here; a code never booked here is closed for
     * good, so that a booking still in flight can no longer take a seat.
     */
    record Settle(@TargetAggregateIdentifier String dayBookId, String code, Instant at) implements DayBookCommand {}

    /** Seats taken per slot now (a cheap look before a booking attempt, and for the slot listing). */
    record ReadSeats(@TargetAggregateIdentifier String dayBookId) implements DayBookCommand {}

    /** Reads one appointment, in step with every write before it. */
    record ReadAppointment(@TargetAggregateIdentifier String dayBookId, String code) implements DayBookCommand {}

    /** Reads the whole day: seats per slot and every appointment. */
    record ReadDay(@TargetAggregateIdentifier String dayBookId) implements DayBookCommand {}

    enum CancelReason {
        VISITOR,
        MOVE_FAILED,
        STAFF
    }
}
