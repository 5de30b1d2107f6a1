package app.nobat.floor.board;

import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.Floor;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicy;
import app.nobat.floor.domain.VisitStatus;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The read model of one floor: desks, open visits, recent calls and service statistics. Pure:
 * {@link #apply} is the whole projection, so a board rebuilt by replay can be compared with the
 * stored one. Idempotent by the floor's event sequence number. Visits that have ended leave the
 * board; {@link #apply} hands every visit it touched to the caller, which keeps them as records.
 */
public class FloorBoard {

    public static final int RECENT_CALLS = 20;
    /** Upper bounds (minutes, exclusive) of the wait buckets; the last bucket is open. */
    private static final int[] WAIT_BUCKETS = {5, 10, 20, 30, 60};

    static final double DEFAULT_SERVICE_MINUTES = 5.0;

    public String floorId;
    public String centreId;
    public String day;
    public FloorSettings settings;
    public boolean closed;
    public long lastSequence = -1;
    public Map<String, DeskView> desks = new TreeMap<>();
    public Map<String, VisitView> visits = new LinkedHashMap<>();
    public List<CallView> recentCalls = new ArrayList<>();
    public Map<String, ServiceStats> stats = new TreeMap<>();
    /** Arrivals and completed services per local hour ("08", "09", …), for the supervisor's charts. */
    public Map<String, HourStats> hours = new TreeMap<>();
    /** How long called tickets had waited: calls per bucket of {@link #waitBucketNames()}. */
    public Map<String, Integer> waits = new LinkedHashMap<>();
    /** The day's first arrival: where the hour's arrival rate starts counting on an opening morning. */
    public Instant firstArrivalAt;
    /** When the day's pauses began, in order: how the desks take their breaks in turn. */
    public List<Instant> pauseStarts = new ArrayList<>();
    /** The day's first call: the visitors who came by then are the opening queue, not a rate of arrivals. */
    public Instant firstCallAt;
    /** Pauses ended today and their length: how soon a paused desk is expected back. */
    public int pauses;

    public long pauseMillis;
    /** Each service's mean desk time (minutes) on the centre's earlier days, as the day began. */
    public Map<String, Double> earlierDeskMinutes = new TreeMap<>();
    /** The latest wait forecast of this board, kept while the board and the minute stand (not stored). */
    volatile WaitEstimator.Forecast forecast;
    /** The latest {@link #positions}, kept like the forecast: every phone of the floor asks on every change. */
    private volatile KeptPositions keptPositions;

    private record KeptPositions(long sequence, Instant at, Map<String, Integer> positions) {}
    /**
     * The visits the last change ended (they left {@link #visits}): a visitor's phone reads its
     * final state here, before the visit's own record has been written.
     */
    public Map<String, VisitView> justEnded = new LinkedHashMap<>();

    private transient List<VisitView> touchedNow;
    private transient String actingNow;

    public static class DeskView {
        public String deskId;
        public DeskStatus status = DeskStatus.CLOSED;
        public TreeSet<String> serviceCodes = new TreeSet<>();
        public String staffId;
        public String currentVisitId;
        public String currentTicket;
        /** Since when its holder has it open (null when closed). */
        public Instant openedAt;
        /** Why it was last paused (a supervisor's note on a desk left open); null while it serves. */
        public String pauseReason;
        /** Priority calls in a row by its call-next, as the floor counts them for the policy's limit. */
        public int priorityStreak;
        /** Since when an open desk has held no visit: a desk idle while its queues wait is left out of estimates. */
        public Instant idleSince;
        /** Pauses it has begun today: a desk that has had none is expected to take its break in turn. */
        public int pausesTaken;
        /** Since when a paused desk has been paused: it is expected back after the day's usual pause. */
        public Instant pausedAt;
    }

    public static class VisitView {
        public String visitId;
        public String ticket;
        public String serviceCode;
        public PriorityClass priorityClass;
        public VisitStatus status;
        public String deskId;
        public Instant arrivedAt;
        public String appointmentRef;
        public String trackingToken;
        public String carriedOverFrom;
        public Instant calledAt;
        public int recalls;
        /** The ticket and service before the last transfer, for the visitor's phone; null if never transferred. */
        public String transferredFromTicket;

        public String transferredFromService;
        /** Its wait is in the statistics: counted at its first call, not again after a return to the queue. */
        public boolean callCounted;

        public List<TimelineEntry> timeline = new ArrayList<>();
    }

    /**
     * One step of a visit; {@code by} is who caused it (staff or device), null for the system.
     *
     * @param reason the reason chosen for a call out of turn ({@code OutOfTurnReason}) or a return to the
     *     queue ({@code ReturnReason}), by its name, for screens to say in their language; {@code detail}
     *     is then the clerk's note, if any
     */
    /**
     * One step of a visit, told by codes and numbers that a screen puts in words in its own language.
     *
     * @param detail words a person typed (a clerk's note or cancel reason), or the day a visit was
     *     carried over from; never a sentence of the system's own
     * @param reason the step's reason by code: how a visit arrived ({@code WALK_IN}, {@code APPOINTMENT},
     *     {@code CARRIED_OVER}), why it was called out of turn or returned, why it was cancelled or closed
     * @param priorityClass the class an arrival asked for
     * @param call the queue policy's reason for a call: class, minutes waited, weight, boost, score, cap
     * @param recall which recall this is (1 for the first)
     * @param fromServiceCode the service a transfer came from (the entry's service is where it went)
     */
    public record TimelineEntry(
            Instant at,
            VisitStep event,
            @Nullable String deskId,
            String ticket,
            String serviceCode,
            @Nullable String detail,
            @Nullable String by,
            @Nullable String reason,
            @Nullable PriorityClass priorityClass,
            @Nullable CallReason call,
            @Nullable Integer recall,
            @Nullable String fromServiceCode) {}

    /** The board's words for a step, beyond its name: what {@link #timeline} records. */
    private record Told(
            @Nullable String detail,
            @Nullable String reason,
            @Nullable PriorityClass priorityClass,
            @Nullable CallReason call,
            @Nullable Integer recall,
            @Nullable String fromServiceCode) {
        static final Told NOTHING = new Told(null, null, null, null, null, null);

        static Told because(@Nullable String reason, @Nullable String detail) {
            return new Told(detail, reason, null, null, null, null);
        }
    }

    public record CallView(String ticket, String deskId, String serviceCode, Instant at, int recall) {}

    public static class HourStats {
        public int arrived;
        public int served;
    }

    public static class ServiceStats {
        public int arrived;
        public int served;
        public long serviceMillis;
        public long waitMillis;
        public int called;
        /** Arrivals by the centre's hour ("09"): the hour's arrival rate, for estimates and staffing. */
        public Map<String, Integer> arrivedByHour = new TreeMap<>();
        /** Arrivals by the day's first call (the opening queue): not counted in the hour's rate. */
        public int openingArrivals;
        /** Arrivals by {@link #kindOf kind}: the day's share of visitors who may overtake others. */
        public Map<String, Integer> arrivedByKind = new TreeMap<>();
        /** Desk time per visit, call to end (walk, service, recalls), over the day. */
        public long deskMillis;

        public int deskVisits;
        /** The latest desk times, newest last, at most {@link #RECENT_DESK_TIMES}: the hour's service rate. */
        public List<DeskTime> recentDeskTimes = new ArrayList<>();
    }

    /** A visit's time at a desk, from its call to its end there. */
    public record DeskTime(Instant endedAt, long millis) {}

    static final int RECENT_DESK_TIMES = 40;

    /** A visit's kind as the queue policy weighs it: its class, and whether it holds an appointment. */
    public static String kindOf(PriorityClass priorityClass, boolean appointment) {
        return appointment ? priorityClass.name() + "+APPOINTMENT" : priorityClass.name();
    }

    /**
     * Applies one event of this floor; events at or below the last applied sequence are ignored.
     *
     * @return the visits the event changed, in their new state (ended ones have left the board)
     */
    public List<VisitView> apply(FloorEvent event, long sequence) {
        return apply(event, sequence, null);
    }

    /** As {@link #apply(FloorEvent, long)}, naming who caused the event on the visits' timelines. */
    public List<VisitView> apply(FloorEvent event, long sequence, String actor) {
        if (sequence <= lastSequence) {
            return List.of();
        }
        lastSequence = sequence;
        List<VisitView> touched = new ArrayList<>();
        touchedNow = touched;
        actingNow = actor;
        applyToBoard(event);
        touchedNow = null;
        actingNow = null;
        justEnded = new LinkedHashMap<>();
        touched.stream().filter(v -> !v.status.isOpen()).forEach(v -> {
            visits.remove(v.visitId);
            justEnded.put(v.visitId, v);
        });
        return touched;
    }

    private void applyToBoard(FloorEvent event) {
        if (event instanceof FloorStarted e) {
            floorId = e.floorId();
            centreId = e.centreId();
            day = e.day();
            settings = e.settings().toFloorSettings();
            settings.deskServices()
                    .keySet()
                    .forEach(id -> desks.computeIfAbsent(id, k -> {
                        DeskView d = new DeskView();
                        d.deskId = k;
                        return d;
                    }));
            settings.serviceCodes().forEach(code -> stats.put(code, new ServiceStats()));
            earlierDeskMinutes = new TreeMap<>(e.earlierDeskMinutes());
        } else if (event instanceof VisitArrived e) {
            VisitView v = new VisitView();
            v.visitId = e.visitId();
            v.ticket = e.ticket();
            v.serviceCode = e.serviceCode();
            v.priorityClass = e.priorityClass();
            v.status = VisitStatus.WAITING;
            v.arrivedAt = e.arrivedAt();
            v.appointmentRef = e.appointmentRef();
            v.trackingToken = e.trackingToken();
            v.carriedOverFrom = e.carriedOverFrom();
            visits.put(v.visitId, v);
            if (firstArrivalAt == null) {
                firstArrivalAt = e.at();
            }
            ServiceStats arrivedStats = stats(e.serviceCode());
            arrivedStats.arrived++;
            if (firstCallAt == null || !e.at().isAfter(firstCallAt)) {
                arrivedStats.openingArrivals++;
            }
            arrivedStats.arrivedByHour.merge(hourOf(e.at()), 1, Integer::sum);
            arrivedStats.arrivedByKind.merge(kindOf(e.priorityClass(), e.appointmentRef() != null), 1, Integer::sum);
            hour(e.at()).arrived++;
            String how = e.carriedOverFrom() != null
                    ? "CARRIED_OVER"
                    : e.appointmentRef() != null ? "APPOINTMENT" : "WALK_IN";
            // carriedOverFrom names the visit of the earlier day: its day is the floor's
            String fromDay = e.carriedOverFrom() == null
                    ? null
                    : FloorId.ofVisit(e.carriedOverFrom()).day().toString();
            timeline(v, e.at(), VisitStep.ARRIVED, null, new Told(fromDay, how, e.priorityClass(), null, null, null));
        } else if (event instanceof DeskOpened e) {
            DeskView d = desk(e.deskId());
            d.status = DeskStatus.OPEN;
            d.serviceCodes = new TreeSet<>(e.serviceCodes());
            d.staffId = e.staffId();
            d.openedAt = e.at();
            d.pauseReason = null;
            d.priorityStreak = 0;
            d.idleSince = e.at();
        } else if (event instanceof DeskPaused e) {
            DeskView d = desk(e.deskId());
            d.status = DeskStatus.PAUSED;
            d.pauseReason = e.reason();
            d.pausedAt = e.at();
            d.pausesTaken++;
            pauseStarts.add(e.at());
        } else if (event instanceof DeskResumed e) {
            DeskView d = desk(e.deskId());
            d.status = DeskStatus.OPEN;
            d.pauseReason = null;
            if (d.pausedAt != null) {
                pauses++;
                pauseMillis += Math.max(0, Duration.between(d.pausedAt, e.at()).toMillis());
                d.pausedAt = null;
            }
            if (d.currentVisitId == null) {
                d.idleSince = e.at();
            }
        } else if (event instanceof DeskClosed e) {
            DeskView d = desk(e.deskId());
            d.status = DeskStatus.CLOSED;
            d.staffId = null;
            d.openedAt = null;
            d.pauseReason = null;
            d.pausedAt = null;
        } else if (event instanceof TicketCalled e) {
            VisitView v = called(e.visitId(), e.deskId(), e.at());
            DeskView d = desk(e.deskId());
            d.priorityStreak = e.reason().priorityClass().isPriority() ? d.priorityStreak + 1 : 0;
            timeline(v, e.at(), VisitStep.CALLED, e.deskId(), new Told(null, null, null, e.reason(), null, null));
        } else if (event instanceof TicketCalledOutOfTurn e) {
            // the desk's priority streak stays: only the policy's calls count towards its limit
            VisitView v = called(e.visitId(), e.deskId(), e.at());
            timeline(
                    v,
                    e.at(),
                    VisitStep.CALLED_OUT_OF_TURN,
                    e.deskId(),
                    Told.because(e.reason().name(), e.note()));
        } else if (event instanceof VisitReturnedToQueue e) {
            VisitView v = visits.get(e.visitId());
            end(v, VisitStatus.WAITING, e.at());
            v.calledAt = null;
            v.recalls = 0;
            timeline(
                    v,
                    e.at(),
                    VisitStep.RETURNED_TO_QUEUE,
                    e.deskId(),
                    Told.because(e.reason().name(), e.note()));
        } else if (event instanceof TicketRecalled e) {
            VisitView v = visits.get(e.visitId());
            v.recalls = e.recall();
            recentCall(new CallView(v.ticket, e.deskId(), v.serviceCode, e.at(), e.recall()));
            timeline(v, e.at(), VisitStep.RECALLED, e.deskId(), new Told(null, null, null, null, e.recall(), null));
        } else if (event instanceof ServiceStarted e) {
            VisitView v = visits.get(e.visitId());
            v.status = VisitStatus.IN_SERVICE;
            timeline(v, e.at(), VisitStep.STARTED, e.deskId(), Told.NOTHING);
        } else if (event instanceof VisitCompleted e) {
            VisitView v = visits.get(e.visitId());
            ServiceStats s = stats(v.serviceCode);
            s.served++;
            hour(e.at()).served++;
            Instant startedAt = v.timeline.stream()
                    .filter(t -> t.event() == VisitStep.STARTED)
                    .map(TimelineEntry::at)
                    .reduce((a, b) -> b)
                    .orElse(e.at());
            s.serviceMillis += Math.max(0, Duration.between(startedAt, e.at()).toMillis());
            end(v, VisitStatus.COMPLETED, e.at());
            timeline(v, e.at(), VisitStep.COMPLETED, e.deskId(), Told.NOTHING);
        } else if (event instanceof VisitTransferred e) {
            VisitView v = visits.get(e.visitId());
            end(v, VisitStatus.WAITING, e.at());
            v.transferredFromTicket = v.ticket;
            v.transferredFromService = v.serviceCode;
            v.serviceCode = e.toServiceCode();
            v.ticket = e.ticket();
            v.calledAt = null;
            v.recalls = 0;
            v.callCounted = false;
            stats(e.toServiceCode()).arrived++;
            timeline(
                    v,
                    e.at(),
                    VisitStep.TRANSFERRED,
                    e.deskId(),
                    new Told(null, null, null, null, null, e.fromServiceCode()));
        } else if (event instanceof VisitMarkedNoShow e) {
            VisitView v = visits.get(e.visitId());
            end(v, VisitStatus.NO_SHOW, e.at());
            timeline(v, e.at(), VisitStep.NO_SHOW, e.deskId(), Told.NOTHING);
        } else if (event instanceof VisitCancelled e) {
            VisitView v = visits.get(e.visitId());
            end(v, VisitStatus.CANCELLED, e.at());
            timeline(v, e.at(), VisitStep.CANCELLED, e.deskId(), cancelled(e.reason()));
        } else if (event instanceof FloorClosed e) {
            for (VisitClosure c : e.closures()) {
                VisitView v = visits.get(c.visitId());
                end(v, c.outcome(), null);
                timeline(v, e.at(), VisitStep.closedAs(c.outcome()), null, closed(c.reason()));
            }
            desks.values().forEach(d -> {
                d.status = DeskStatus.CLOSED;
                d.currentVisitId = null;
                d.currentTicket = null;
            });
            closed = true;
        } else {
            // Java 17 has no exhaustive switch over the sealed family: a new event must fail loudly
            // (EveryFloorEventIsProjectedTest applies one of each), never leave the board silently stale
            throw new IllegalArgumentException(
                    "The floor board does not apply " + event.getClass().getSimpleName());
        }
    }

    /** A call of either kind: the visit at the desk, its wait counted once, the call on the screens. */
    private VisitView called(String visitId, String deskId, Instant at) {
        VisitView v = visits.get(visitId);
        v.status = VisitStatus.CALLED;
        v.deskId = deskId;
        v.calledAt = at;
        v.recalls = 0;
        DeskView d = desk(deskId);
        d.currentVisitId = v.visitId;
        d.currentTicket = v.ticket;
        d.idleSince = null;
        if (firstCallAt == null) {
            firstCallAt = at;
        }
        if (!v.callCounted) {
            v.callCounted = true;
            ServiceStats s = stats(v.serviceCode);
            s.called++;
            waits.merge(waitBucket(Duration.between(v.arrivedAt, at)), 1, Integer::sum);
            s.waitMillis += Math.max(0, Duration.between(v.arrivedAt, at).toMillis());
        }
        recentCall(new CallView(v.ticket, deskId, v.serviceCode, at, 0));
        return v;
    }

    /** @param at when the visit left its desk, counted as desk time; null when the day's end closes it */
    private void end(VisitView v, VisitStatus status, @Nullable Instant at) {
        if (v.deskId != null) {
            DeskView d = desks.get(v.deskId);
            if (d != null && v.visitId.equals(d.currentVisitId)) {
                d.currentVisitId = null;
                d.currentTicket = null;
                d.idleSince = at;
                if (at != null && v.calledAt != null) {
                    deskTime(
                            stats(v.serviceCode),
                            new DeskTime(
                                    at,
                                    Math.max(0, Duration.between(v.calledAt, at).toMillis())));
                }
            }
        }
        if (status == VisitStatus.WAITING) {
            v.deskId = null; // back in a queue; an ended visit keeps the desk that saw it last
        }
        v.status = status;
    }

    private void recentCall(CallView call) {
        recentCalls.add(0, call);
        if (recentCalls.size() > RECENT_CALLS) {
            recentCalls.remove(recentCalls.size() - 1);
        }
    }

    private void timeline(VisitView v, Instant at, VisitStep event, String deskId, Told told) {
        if (!touchedNow.contains(v)) {
            touchedNow.add(v);
        }
        v.timeline.add(new TimelineEntry(
                at,
                event,
                deskId,
                v.ticket,
                v.serviceCode,
                told.detail(),
                actingNow,
                told.reason(),
                told.priorityClass(),
                told.call(),
                told.recall(),
                told.fromServiceCode()));
    }

    /** The floor's own cancel reasons by code; words a clerk typed stay as typed. */
    private static Told cancelled(String reason) {
        if (Floor.LEFT_BY_PHONE.equals(reason)) {
            return Told.because("LEFT_BY_PHONE", null);
        }
        if (Floor.LEFT.equals(reason)) {
            return Told.because("VISITOR_LEFT", null);
        }
        return Told.because(null, reason);
    }

    /** The end of day's reasons, as the floor recorded them, by code. */
    private static Told closed(String reason) {
        return Floor.CLOSING_REASONS.containsKey(reason)
                ? Told.because(Floor.CLOSING_REASONS.get(reason), null)
                : Told.because(null, reason);
    }

    private DeskView desk(String deskId) {
        return desks.computeIfAbsent(deskId, k -> {
            DeskView d = new DeskView();
            d.deskId = k;
            return d;
        });
    }

    private static void deskTime(ServiceStats s, DeskTime time) {
        s.deskMillis += time.millis();
        s.deskVisits++;
        s.recentDeskTimes.add(time);
        if (s.recentDeskTimes.size() > RECENT_DESK_TIMES) {
            s.recentDeskTimes.remove(0);
        }
    }

    private HourStats hour(Instant at) {
        return hours.computeIfAbsent(hourOf(at), k -> new HourStats());
    }

    /** The centre's hour of an instant, as the board's hourly figures name it: "09". */
    public String hourOf(Instant at) {
        ZoneId zone = settings == null ? ZoneOffset.UTC : ZoneId.of(settings.timeZone());
        return String.format("%02d", at.atZone(zone).getHour());
    }

    private static final List<String> WAIT_BUCKET_NAMES = bucketNames();

    /** The wait buckets' names in order: "0-5", "5-10", … "60+" (minutes). */
    public static List<String> waitBucketNames() {
        return WAIT_BUCKET_NAMES;
    }

    private static List<String> bucketNames() {
        List<String> names = new ArrayList<>();
        int lower = 0;
        for (int upper : WAIT_BUCKETS) {
            names.add(lower + "-" + upper);
            lower = upper;
        }
        names.add(lower + "+");
        return List.copyOf(names);
    }

    static String waitBucket(Duration waited) {
        long minutes = Math.max(0, waited.toMinutes());
        int i = 0;
        while (i < WAIT_BUCKETS.length && minutes >= WAIT_BUCKETS[i]) {
            i++;
        }
        return WAIT_BUCKET_NAMES.get(i);
    }

    private ServiceStats stats(String code) {
        return stats.computeIfAbsent(code, k -> new ServiceStats());
    }

    // ---- derived views ---------------------------------------------------------------------

    /** Waiting visits of a service in the order the policy would call them now. */
    public List<VisitView> waitingFor(String serviceCode, Instant now) {
        Map<String, VisitView> byId = new LinkedHashMap<>();
        List<QueuePolicy.Candidate> queue = queue(serviceCode, byId);
        queue.sort(new QueuePolicy(settings.policy()).callOrder(now));
        return queue.stream().map(c -> byId.get(c.visitId())).toList();
    }

    /**
     * Where a waiting visit stands in its queue now (1 = next by the policy), counted against the
     * board's waiting visits, so it also answers for a visit the board has not seen yet.
     */
    public int positionOf(VisitView visit, Instant now) {
        if (visit.status != VisitStatus.WAITING || settings == null) {
            return 0;
        }
        Integer known = keptPositions(now).get(visit.visitId);
        if (known != null) {
            return known;
        }
        List<QueuePolicy.Candidate> queue = queue(visit.serviceCode, new LinkedHashMap<>());
        QueuePolicy.Candidate target = queue.stream()
                .filter(c -> c.visitId().equals(visit.visitId))
                .findFirst()
                .orElseGet(() -> candidate(visit, Long.MAX_VALUE)); // not on this board yet: the newest
        return new QueuePolicy(settings.policy()).positionOf(target, queue, now);
    }

    /**
     * Every waiting visit's {@link #positionOf position} at once, by visit id: one pass over the
     * board and one sort per service, where asking visit by visit costs a pass each (a phone per
     * waiting visitor asks on every change).
     */
    public Map<String, Integer> positions(Instant now) {
        return keptPositions(now);
    }

    private Map<String, Integer> keptPositions(Instant now) {
        KeptPositions kept = keptPositions;
        if (kept != null
                && kept.sequence == lastSequence
                && !now.isBefore(kept.at)
                && now.isBefore(kept.at.plus(WaitEstimator.FORECAST_KEPT))) {
            return kept.positions;
        }
        Map<String, Integer> made = Map.copyOf(positionsNow(now));
        keptPositions = new KeptPositions(lastSequence, now, made);
        return made;
    }

    private Map<String, Integer> positionsNow(Instant now) {
        Map<String, Integer> positions = new HashMap<>();
        if (settings == null) {
            return positions;
        }
        Map<String, List<QueuePolicy.Candidate>> queues = new HashMap<>();
        long order = 0;
        for (VisitView v : visits.values()) {
            order++;
            if (v.status == VisitStatus.WAITING) {
                queues.computeIfAbsent(v.serviceCode, k -> new ArrayList<>()).add(candidate(v, order));
            }
        }
        // the call order is total (ties fall to the arrival order), so a place in it is 1 + those before
        Comparator<QueuePolicy.Candidate> callOrder = new QueuePolicy(settings.policy()).callOrder(now);
        for (List<QueuePolicy.Candidate> queue : queues.values()) {
            queue.sort(callOrder);
            for (int i = 0; i < queue.size(); i++) {
                positions.put(queue.get(i).visitId(), i + 1);
            }
        }
        return positions;
    }

    /** The waiting visits of a service as the policy sees them, in arrival order on this board. */
    private List<QueuePolicy.Candidate> queue(String serviceCode, Map<String, VisitView> byId) {
        List<QueuePolicy.Candidate> queue = new ArrayList<>();
        long order = 0;
        for (VisitView v : visits.values()) {
            order++;
            if (v.status == VisitStatus.WAITING && v.serviceCode.equals(serviceCode)) {
                queue.add(candidate(v, order));
                byId.put(v.visitId, v);
            }
        }
        return queue;
    }

    private static QueuePolicy.Candidate candidate(VisitView v, long order) {
        return new QueuePolicy.Candidate(v.visitId, v.priorityClass, v.arrivedAt, order, v.appointmentRef != null);
    }

    /**
     * The waiting visits of a desk's services in the order its call-next would call them now, one
     * after another (the policy's limit of priority calls in a row included); empty for a closed desk.
     */
    public List<VisitView> callOrder(String deskId, Instant now) {
        DeskView desk = desks.get(deskId);
        if (desk == null || desk.status == DeskStatus.CLOSED || settings == null) {
            return List.of();
        }
        Map<String, VisitView> byId = new LinkedHashMap<>();
        List<QueuePolicy.Candidate> queue = new ArrayList<>();
        long order = 0;
        for (VisitView v : visits.values()) {
            order++;
            if (v.status == VisitStatus.WAITING && desk.serviceCodes.contains(v.serviceCode)) {
                queue.add(candidate(v, order));
                byId.put(v.visitId, v);
            }
        }
        return new QueuePolicy(settings.policy())
                .callSequence(queue, now, desk.priorityStreak).stream()
                        .map(c -> byId.get(c.visitId()))
                        .toList();
    }

    /** Desks that can call this service now or soon (open or busy, not paused or closed). */
    public long desksServing(String serviceCode) {
        return desks.values().stream()
                .filter(d -> d.status == DeskStatus.OPEN && d.serviceCodes.contains(serviceCode))
                .count();
    }

    public double averageServiceMinutes(String serviceCode) {
        ServiceStats s = stats.get(serviceCode);
        if (s == null || s.served == 0) {
            return DEFAULT_SERVICE_MINUTES;
        }
        return Math.max(1.0, s.serviceMillis / 60_000.0 / s.served);
    }

    /** Estimated minutes until a visit at this position (1 = next) is called. */
    public int estimatedWaitMinutes(String serviceCode, int position) {
        long deskCount = Math.max(1, desksServing(serviceCode));
        return (int) Math.ceil((position - 1 + 0.5) * averageServiceMinutes(serviceCode) / deskCount);
    }
}
