package app.nobat.floor.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;

/** Facts of the floor of one centre on one day. Events carry no personal data. */
public sealed interface FloorEvent {

    String floorId();

    Instant at();

    /**
     * Revision 2 holds the settings in the event's own terms ({@link DaySettings}); revision 1 held
     * the domain's {@code FloorSettings} as it was, with the prefixes as a map (upcast on read).
     * {@code earlierDeskMinutes}: each service's mean desk time (call to end, in minutes) over the
     * centre's earlier days as the day began, so that the first estimates of a day start from what is
     * usual there; absent (null) in events stored before it existed, read as none.
     */
    @Revision("2")
    record FloorStarted(
            String floorId,
            String centreId,
            String day,
            DaySettings settings,
            Instant at,
            Map<String, Double> earlierDeskMinutes)
            implements FloorEvent {

        public FloorStarted {
            // sorted, so that the event reads the same in every process
            earlierDeskMinutes = earlierDeskMinutes == null
                    ? Collections.emptySortedMap()
                    : Collections.unmodifiableSortedMap(new TreeMap<>(earlierDeskMinutes));
        }

        public static FloorStarted of(String floorId, String centreId, String day, FloorSettings settings, Instant at) {
            return of(floorId, centreId, day, settings, at, Map.of());
        }

        public static FloorStarted of(
                String floorId,
                String centreId,
                String day,
                FloorSettings settings,
                Instant at,
                Map<String, Double> earlierDeskMinutes) {
            return new FloorStarted(
                    floorId, centreId, day, settings == null ? null : DaySettings.of(settings), at, earlierDeskMinutes);
        }
    }

    /**
     * The centre's settings as the floor fixed them at its start, as stored: part of the event's
     * schema, so that a change to the domain's settings never changes what stored events mean.
     * The floor and its read models work on {@link #toFloorSettings()}.
     */
    record DaySettings(
            String timeZone,
            List<ServicePrefix> services,
            Map<String, List<String>> desks,
            DayPolicy policy,
            EndOfDayRule endOfDay,
            int maxRecalls) {

        static DaySettings of(FloorSettings s) {
            QueuePolicySettings p = s.policy();
            return new DaySettings(
                    s.timeZone(),
                    s.servicePrefixes().entrySet().stream()
                            .map(e -> new ServicePrefix(e.getKey(), e.getValue()))
                            .toList(),
                    s.deskServices().entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, e -> List.copyOf(e.getValue()), (a, b) -> a, TreeMap::new)),
                    new DayPolicy(new TreeMap<>(p.weights()), p.appointmentBoost(), p.maxPriorityInRow()),
                    s.endOfDay(),
                    s.maxRecalls());
        }

        public FloorSettings toFloorSettings() {
            Map<String, String> prefixes = new TreeMap<>();
            services.forEach(service -> prefixes.put(service.code(), service.prefix()));
            Map<String, Set<String>> deskServices = new TreeMap<>();
            desks.forEach((desk, codes) -> deskServices.put(desk, new TreeSet<>(codes)));
            return new FloorSettings(
                    timeZone,
                    prefixes,
                    deskServices,
                    new QueuePolicySettings(policy.weights(), policy.appointmentBoost(), policy.maxPriorityInRow()),
                    endOfDay,
                    maxRecalls);
        }
    }

    record ServicePrefix(String code, String prefix) {}

    record DayPolicy(Map<PriorityClass, Double> weights, double appointmentBoost, int maxPriorityInRow) {}

    @Revision("1")
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

    @Revision("1")
    record DeskOpened(String floorId, String deskId, Set<String> serviceCodes, String staffId, Instant at)
            implements FloorEvent {
        public DeskOpened {
            serviceCodes = Collections.unmodifiableSortedSet(new TreeSet<>(serviceCodes));
        }
    }

    /** {@code reason} is null when none was given, and in events stored before it existed. */
    @Revision("1")
    record DeskPaused(String floorId, String deskId, Instant at, String reason) implements FloorEvent {
        public DeskPaused(String floorId, String deskId, Instant at) {
            this(floorId, deskId, at, null);
        }
    }

    @Revision("1")
    record DeskResumed(String floorId, String deskId, Instant at) implements FloorEvent {}

    /** {@code reason} is null when none was given, and in events stored before it existed. */
    @Revision("1")
    record DeskClosed(String floorId, String deskId, Instant at, String reason) implements FloorEvent {
        public DeskClosed(String floorId, String deskId, Instant at) {
            this(floorId, deskId, at, null);
        }
    }

    @Revision("1")
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
    @Revision("1")
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
    @Revision("1")
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

    @Revision("1")
    record TicketRecalled(String floorId, String deskId, String visitId, String ticket, int recall, Instant at)
            implements FloorEvent {}

    @Revision("1")
    record ServiceStarted(String floorId, String deskId, String visitId, Instant at) implements FloorEvent {}

    @Revision("1")
    record VisitCompleted(String floorId, String deskId, String visitId, Instant at) implements FloorEvent {}

    /** The visit waits again in another service's queue with a new ticket, keeping its arrival time. */
    @Revision("1")
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

    @Revision("1")
    record VisitMarkedNoShow(String floorId, String deskId, String visitId, Instant at) implements FloorEvent {}

    @Revision("1")
    record VisitCancelled(String floorId, String deskId, String visitId, String reason, Instant at)
            implements FloorEvent {}

    @Revision("1")
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
