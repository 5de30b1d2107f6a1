package app.nobat.floor.domain;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the floor of one centre on one day. {@code at} is the moment the command was issued. */
public sealed interface FloorCommand {

    String floorId();

    /**
     * A visitor who came without an appointment.
     *
     * @param requestId the client's idempotency key, or null: a repeat returns the first visit
     */
    record RegisterWalkIn(
            @TargetAggregateIdentifier String floorId,
            String visitId,
            String requestId,
            String serviceCode,
            PriorityClass priorityClass,
            String trackingToken,
            Instant at)
            implements FloorCommand {}

    /**
     * A visitor checking in for an appointment of today. Idempotent by {@code appointmentRef}: a
     * repeated check-in returns the first visit.
     */
    record CheckInAppointment(
            @TargetAggregateIdentifier String floorId,
            String visitId,
            String appointmentRef,
            String serviceCode,
            PriorityClass priorityClass,
            String trackingToken,
            Instant at)
            implements FloorCommand {}

    /**
     * A visit the previous opening day carried over, keeping its arrival time and tracking token.
     * Idempotent by {@code carriedOverFrom}, the previous day's visit id.
     *
     * @param arrivedAt the arrival time the queue counts from, earlier than {@code at}
     */
    record CarryOverVisit(
            @TargetAggregateIdentifier String floorId,
            String visitId,
            String carriedOverFrom,
            String serviceCode,
            PriorityClass priorityClass,
            String trackingToken,
            Instant arrivedAt,
            Instant at)
            implements FloorCommand {}

    /** The desk's holder is the command's actor (metadata), recorded on the event. */
    record OpenDesk(@TargetAggregateIdentifier String floorId, String deskId, Set<String> serviceCodes, Instant at)
            implements FloorCommand {}

    /** {@code reason} (null when none is given) is why: a supervisor pausing a desk someone left open. */
    record PauseDesk(@TargetAggregateIdentifier String floorId, String deskId, Instant at, String reason)
            implements FloorCommand {
        public PauseDesk(String floorId, String deskId, Instant at) {
            this(floorId, deskId, at, null);
        }
    }

    record ResumeDesk(@TargetAggregateIdentifier String floorId, String deskId, Instant at) implements FloorCommand {}

    /** {@code reason} (null when none is given) is why: a supervisor closing a desk someone left open. */
    record CloseDesk(@TargetAggregateIdentifier String floorId, String deskId, Instant at, String reason)
            implements FloorCommand {
        public CloseDesk(String floorId, String deskId, Instant at) {
            this(floorId, deskId, at, null);
        }
    }

    /** Idempotent by {@code requestId}: a repeat returns the first answer and calls no one. */
    record CallNext(@TargetAggregateIdentifier String floorId, String deskId, String requestId, Instant at)
            implements FloorCommand {}

    /**
     * The desk calls a named waiting ticket instead of the next one by the policy: a visitor back
     * after stepping out, an appointment holder at their time. The same rules as a call-next (an
     * open, free desk; a ticket at no other desk), and a repeat while the ticket is still called at
     * this desk answers as the first did and calls no one.
     *
     * @param note an optional short line beside the reason (see {@link DeskNote}), or null
     */
    record CallOutOfTurn(
            @TargetAggregateIdentifier String floorId,
            String deskId,
            String visitId,
            OutOfTurnReason reason,
            String note,
            Instant at)
            implements FloorCommand {}

    /**
     * A called ticket, not yet in service, goes back to its queue with its arrival time, so that it
     * keeps its place: the desk is free again and the ticket may be called by any desk.
     *
     * @param note an optional short line beside the reason (see {@link DeskNote}), or null
     */
    record ReturnToQueue(
            @TargetAggregateIdentifier String floorId, String visitId, ReturnReason reason, String note, Instant at)
            implements FloorCommand {}

    record Recall(@TargetAggregateIdentifier String floorId, String visitId, Instant at) implements FloorCommand {}

    record StartService(@TargetAggregateIdentifier String floorId, String visitId, Instant at)
            implements FloorCommand {}

    record CompleteService(@TargetAggregateIdentifier String floorId, String visitId, Instant at)
            implements FloorCommand {}

    record Transfer(@TargetAggregateIdentifier String floorId, String visitId, String toServiceCode, Instant at)
            implements FloorCommand {}

    record MarkNoShow(@TargetAggregateIdentifier String floorId, String visitId, Instant at) implements FloorCommand {}

    record CancelVisit(@TargetAggregateIdentifier String floorId, String visitId, String reason, Instant at)
            implements FloorCommand {}

    /**
     * The visitor gives up their own ticket from their phone ("I am leaving"). Idempotent: a
     * retried tap on a visit already cancelled changes nothing.
     */
    record LeaveQueue(@TargetAggregateIdentifier String floorId, String visitId, Instant at) implements FloorCommand {}

    /** End of day: every open visit is closed or carried over, as the centre's rule says. */
    record CloseFloor(@TargetAggregateIdentifier String floorId, Instant at) implements FloorCommand {}
}
