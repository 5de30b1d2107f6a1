package app.nobat.floor.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Facts of the floor of one centre on one day. Events carry no personal data. */
public sealed interface FloorEvent {

    String floorId();

    Instant at();

    record FloorStarted(String floorId, String centreId, String day, FloorSettings settings, Instant at)
            implements FloorEvent {}

    record VisitArrived(
            String floorId,
            String visitId,
            String requestId,
            String serviceCode,
            String ticket,
            int ticketNumber,
            PriorityClass priorityClass,
            String appointmentRef,
            String trackingToken,
            Instant arrivedAt,
            String carriedOverFrom,
            Instant at)
            implements FloorEvent {}

    record DeskOpened(String floorId, String deskId, Set<String> serviceCodes, String staffId, Instant at)
            implements FloorEvent {
        public DeskOpened {
            serviceCodes = Collections.unmodifiableSortedSet(new TreeSet<>(serviceCodes));
        }
    }

    /** {@code reason} is null when none was given, and in events stored before it existed. */
    record DeskPaused(String floorId, String deskId, Instant at, String reason) implements FloorEvent {
        public DeskPaused(String floorId, String deskId, Instant at) {
            this(floorId, deskId, at, null);
        }
    }

    record DeskResumed(String floorId, String deskId, Instant at) implements FloorEvent {}

    /** {@code reason} is null when none was given, and in events stored before it existed. */
    record DeskClosed(String floorId, String deskId, Instant at, String reason) implements FloorEvent {
        public DeskClosed(String floorId, String deskId, Instant at) {
            this(floorId, deskId, at, null);
        }
    }

    record TicketCalled(
            String floorId,
            String deskId,
            String visitId,
            String ticket,
            String serviceCode,
            String requestId,
            CallReason reason,
            Instant at)
            implements FloorEvent {}

    /**
     * A ticket the desk chose by name, outside the policy's order, with why and (optionally) a
     * short note; the staff member is in the event's metadata like every actor.
     */
    record TicketCalledOutOfTurn(
            String floorId,
            String deskId,
            String visitId,
            String ticket,
            String serviceCode,
            OutOfTurnReason reason,
            String note,
            Instant at)
            implements FloorEvent {}

    /** A called ticket back in its queue, waiting again with its arrival time (its place kept). */
    record VisitReturnedToQueue(
            String floorId,
            String deskId,
            String visitId,
            String ticket,
            String serviceCode,
            ReturnReason reason,
            String note,
            Instant at)
            implements FloorEvent {}

    record TicketRecalled(String floorId, String deskId, String visitId, String ticket, int recall, Instant at)
            implements FloorEvent {}

    record ServiceStarted(String floorId, String deskId, String visitId, Instant at) implements FloorEvent {}

    record VisitCompleted(String floorId, String deskId, String visitId, Instant at) implements FloorEvent {}

    /** The visit waits again in another service's queue with a new ticket, keeping its arrival time. */
    record VisitTransferred(
            String floorId,
            String deskId,
            String visitId,
            String fromServiceCode,
            String toServiceCode,
            String ticket,
            int ticketNumber,
            Instant at)
            implements FloorEvent {}

    record VisitMarkedNoShow(String floorId, String deskId, String visitId, Instant at) implements FloorEvent {}

    record VisitCancelled(String floorId, String deskId, String visitId, String reason, Instant at)
            implements FloorEvent {}

    record FloorClosed(String floorId, EndOfDayRule rule, List<VisitClosure> closures, Instant at)
            implements FloorEvent {}

    /** One open visit at closing: closed with a reason, or carried over (outcome CARRIED_OVER). */
    record VisitClosure(
            String visitId,
            String ticket,
            String serviceCode,
            VisitStatus outcome,
            String reason,
            String trackingToken,
            PriorityClass priorityClass,
            Instant arrivedAt) {}
}
