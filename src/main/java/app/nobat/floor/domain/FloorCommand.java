package app.nobat.floor.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Commands to the floor of one centre on one day. {@code at} is the moment the command was issued. */
public sealed interface FloorCommand {

    String floorId();

    /**
     * A walk-in, an appointment check-in or a visit carried over from the day before.
     *
     * @param requestId      the client's idempotency key: a repeat returns the first visit
     * @param appointmentRef the appointment's reference for a check-in, else null
     * @param arrivedAt      the arrival time the queue counts from (earlier than {@code at} for carry-overs)
     * @param carriedOverFrom the previous day's visit id, else null
     */
    record RegisterArrival(@TargetAggregateIdentifier String floorId, String visitId, String requestId,
                           String serviceCode, PriorityClass priorityClass, String appointmentRef,
                           String trackingToken, Instant arrivedAt, String carriedOverFrom, Instant at)
            implements FloorCommand {
    }

    /** The desk's holder is the command's actor (metadata), recorded on the event. */
    record OpenDesk(@TargetAggregateIdentifier String floorId, String deskId, Set<String> serviceCodes, Instant at)
            implements FloorCommand {
    }

    record PauseDesk(@TargetAggregateIdentifier String floorId, String deskId, Instant at) implements FloorCommand {
    }

    record ResumeDesk(@TargetAggregateIdentifier String floorId, String deskId, Instant at) implements FloorCommand {
    }

    record CloseDesk(@TargetAggregateIdentifier String floorId, String deskId, Instant at) implements FloorCommand {
    }

    /** Idempotent by {@code requestId}: a repeat returns the first answer and calls no one. */
    record CallNext(@TargetAggregateIdentifier String floorId, String deskId, String requestId, Instant at)
            implements FloorCommand {
    }

    record Recall(@TargetAggregateIdentifier String floorId, String visitId, Instant at) implements FloorCommand {
    }

    record StartService(@TargetAggregateIdentifier String floorId, String visitId, Instant at) implements FloorCommand {
    }

    record CompleteService(@TargetAggregateIdentifier String floorId, String visitId, Instant at)
            implements FloorCommand {
    }

    record Transfer(@TargetAggregateIdentifier String floorId, String visitId, String toServiceCode, Instant at)
            implements FloorCommand {
    }

    record MarkNoShow(@TargetAggregateIdentifier String floorId, String visitId, Instant at) implements FloorCommand {
    }

    record CancelVisit(@TargetAggregateIdentifier String floorId, String visitId, String reason, Instant at)
            implements FloorCommand {
    }

    /** End of day: every open visit is closed or carried over, as the centre's rule says. */
    record CloseFloor(@TargetAggregateIdentifier String floorId, Instant at) implements FloorCommand {
    }
}
