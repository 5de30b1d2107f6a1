package app.nobat.planning.simulation;

import app.nobat.common.Actor;
import app.nobat.floor.board.DeskTimeTotals;
import app.nobat.floor.domain.ArrivalAnswer;
import app.nobat.floor.domain.CallAnswer;
import app.nobat.floor.domain.FloorCommand.*;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.planning.simulation.DayProfile.ServiceLoad;
import app.nobat.planning.simulation.DayProfile.Spread;
import app.nobat.planning.simulation.DayResult.DeskTime;
import app.nobat.planning.simulation.Estimator.Shown;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plays one day of a {@link DayProfile} through the real floor aggregate ({@link SimulatedFloor}) on a
 * virtual clock: a discrete-event loop in which visitors arrive, get their ticket, are called by the
 * desks that are free (each desk's call-next: the floor chooses by its policy), walk to the desk or
 * miss the call, are served and leave. Nothing sleeps; every command carries its virtual instant.
 *
 * <p>Everything random is drawn before the day starts, from the seed alone: each visitor's arrival,
 * service, priority class, appointment, service time, walk and answer to the call. So a seed fixes the
 * day, and the floor's choices make the rest deterministic.
 */
public final class DaySimulator {

    private static final Actor KIOSK = new Actor("sim-kiosk", "KIOSK");
    private static final long MINUTE = 60_000;

    private final SimulatedCentre centre;
    private final DayProfile profile;
    private final List<Estimator> estimators;

    public DaySimulator(SimulatedCentre centre, DayProfile profile, List<Estimator> estimators) {
        this.centre = centre;
        this.profile = profile;
        this.estimators = List.copyOf(estimators);
        for (String service : profile.services().keySet()) {
            if (!centre.settings().servicePrefixes().containsKey(service)) {
                throw new IllegalArgumentException("the centre has no service " + service);
            }
        }
        for (DayProfile.DeskPlan desk : profile.desks()) {
            Set<String> allowed = centre.settings().deskServices().get(desk.desk());
            if (allowed == null || !allowed.containsAll(desk.services())) {
                throw new IllegalArgumentException("desk " + desk.desk() + " cannot serve " + desk.services());
            }
        }
    }

    /** The centre named by the profile, as seeded. */
    public static DaySimulator forProfile(DayProfile profile, List<Estimator> estimators) {
        return new DaySimulator(SimulatedCentre.seeded(profile.centre()), profile, estimators);
    }

    public DayResult play(long seed) {
        return play(seed, Map.of());
    }

    /**
     * A day whose floor starts knowing each service's usual desk minutes from earlier days, as a centre's
     * floor does from its stored boards ({@link #earlierDeskMinutes}).
     */
    public DayResult play(long seed, Map<String, Double> earlierDeskMinutes) {
        return new Day(seed, earlierDeskMinutes).play();
    }

    /** Each service's mean desk minutes over the given days, every visit weighing alike. */
    public static Map<String, Double> earlierDeskMinutes(List<DayResult> days) {
        DeskTimeTotals totals = new DeskTimeTotals();
        for (DayResult day : days) {
            day.deskTimes().forEach((service, t) -> totals.add(service, t.millis(), t.visits()));
        }
        return totals.meanMinutes();
    }

    /** One visitor as drawn before the day: all that chance decides about them. */
    private record Visitor(
            long at,
            String serviceCode,
            PriorityClass priorityClass,
            boolean appointment,
            boolean openingQueue,
            long serviceMillis,
            long walkMillis,
            int answersAtCall) {}

    private enum Kind {
        OPEN_SHIFT,
        END_SHIFT,
        PAUSE,
        RESUME,
        ARRIVE,
        NO_ANSWER,
        AT_DESK,
        DONE,
        REESTIMATE
    }

    /** A step of the loop at a virtual instant; ties are taken in the order they were scheduled. */
    private record Step(long at, long order, Kind kind, String ref, int n) {}

    private static final class Desk {
        final String id;
        final Set<String> services;
        final Actor clerk;
        DeskState status = DeskState.CLOSED;
        String visit;
        String busyService;
        long busySince;
        long idleSince;
        long openSince;
        long openMillis;
        Integer pendingPause;
        boolean closing;
        boolean overtime;
        final Map<String, Long> busyMillis = new TreeMap<>();

        Desk(String id, Set<String> services) {
            this.id = id;
            this.services = services;
            this.clerk = new Actor("sim-clerk-" + id, Actor.DESK_ROLE);
        }
    }

    private enum DeskState {
        CLOSED,
        OPEN,
        PAUSED
    }

    /** A visit's record as its events arrive. */
    private static final class Trace {
        final Visitor visitor;
        final String visitId;
        String serviceCode;
        Instant arrivedAt;
        Instant calledAt;
        Instant startedAt;
        Instant endedAt;
        VisitStatus outcome = VisitStatus.WAITING;
        String deskId;
        int position;
        int recalls;
        Map<String, Shown> shown = Map.of();

        Trace(Visitor visitor, String visitId) {
            this.visitor = visitor;
            this.visitId = visitId;
        }
    }

    private final class Day {
        final long seed;
        final SplittableRandom random;
        final ZoneId zone = ZoneId.of(centre.settings().timeZone());
        final String floorId;
        final PriorityQueue<Step> steps =
                new PriorityQueue<>(Comparator.comparingLong(Step::at).thenComparingLong(Step::order));
        final Map<String, Desk> desks = new TreeMap<>();
        final Map<String, Trace> traces = new LinkedHashMap<>();
        final Map<String, Integer> waiting = new HashMap<>();
        final List<Visitor> visitors = new ArrayList<>();
        final List<LaterEstimate> later = new ArrayList<>();
        SimulatedFloor floor;
        long order;
        long now;
        long calls;
        final long closes;

        final Map<String, Double> earlierDeskMinutes;

        Day(long seed, Map<String, Double> earlierDeskMinutes) {
            this.seed = seed;
            this.earlierDeskMinutes = Map.copyOf(earlierDeskMinutes);
            this.random = new SplittableRandom(seed);
            this.floorId = new FloorId(centre.centreId(), profile.day()).toString();
            this.closes = local(profile.closes());
        }

        long local(LocalTime time) {
            return profile.day().atTime(time).atZone(zone).toInstant().toEpochMilli();
        }

        DayResult play() {
            drawVisitors();
            try (SimulatedFloor simulated = new SimulatedFloor(centre.settings(), earlierDeskMinutes, this::observe)) {
                floor = simulated;
                scheduleDesks();
                for (int i = 0; i < visitors.size(); i++) {
                    schedule(visitors.get(i).at(), Kind.ARRIVE, null, i);
                }
                if (profile.reestimateEveryMinutes() > 0) {
                    schedule(
                            local(profile.opens()) + profile.reestimateEveryMinutes() * MINUTE,
                            Kind.REESTIMATE,
                            null,
                            0);
                }
                while (!steps.isEmpty()) {
                    Step step = steps.poll();
                    now = step.at();
                    take(step);
                    callWhereFree();
                }
                floor.send(new CloseFloor(floorId, Instant.ofEpochMilli(Math.max(now, closes))), null);
            }
            return result();
        }

        // ---- the day drawn in advance -----------------------------------------------------

        void drawVisitors() {
            long opens = local(profile.opens());
            profile.openingQueue().forEach((service, count) -> {
                for (int i = 0; i < count; i++) {
                    visitors.add(visitor(opens, service, false, true));
                }
            });
            DayProfile.Appointments booked = profile.appointments();
            double bookedShare = booked == null ? 0 : booked.share();
            profile.services().forEach((service, load) -> {
                List<long[]> pieces = pieces(load);
                for (long[] piece : pieces) {
                    double perMilli = piece[2] / 1_000_000.0 / 3_600_000.0 * (1 - bookedShare);
                    if (perMilli <= 0) {
                        continue;
                    }
                    double t = piece[0];
                    while (true) {
                        t += -Math.log(1 - random.nextDouble()) / perMilli;
                        if (t >= piece[1]) {
                            break;
                        }
                        visitors.add(visitor((long) t, service, false, false));
                    }
                }
                if (bookedShare > 0) {
                    long slot = booked.slotMinutes() * MINUTE;
                    for (long start = opens; start < closes; start += slot) {
                        double expected = 0;
                        for (long[] piece : pieces) {
                            long overlap = Math.min(piece[1], start + slot) - Math.max(piece[0], start);
                            if (overlap > 0) {
                                expected += piece[2] / 1_000_000.0 / 3_600_000.0 * overlap * bookedShare;
                            }
                        }
                        int holders = poisson(expected);
                        for (int i = 0; i < holders; i++) {
                            double early =
                                    booked.arriveBeforeMinutes() + booked.arriveSpreadMinutes() * random.nextGaussian();
                            long at = Math.max(opens, Math.min(closes - 1, start - (long) (early * MINUTE)));
                            visitors.add(visitor(at, service, true, false));
                        }
                    }
                }
            });
            // in the order they come in; the opening queue first, then as drawn (a stable sort)
            visitors.sort(Comparator.comparingLong(Visitor::at));
        }

        /** The arrival rate as pieces {from, to, rate per hour × 10⁶} between opening and closing. */
        List<long[]> pieces(ServiceLoad load) {
            List<long[]> pieces = new ArrayList<>();
            List<Map.Entry<LocalTime, Double>> rates =
                    new ArrayList<>(load.arrivalsPerHour().entrySet());
            for (int i = 0; i < rates.size(); i++) {
                long from = Math.max(local(profile.opens()), local(rates.get(i).getKey()));
                long to = i + 1 < rates.size() ? local(rates.get(i + 1).getKey()) : closes;
                to = Math.min(to, closes);
                if (to > from) {
                    pieces.add(new long[] {from, to, Math.round(rates.get(i).getValue() * 1_000_000)});
                }
            }
            return pieces;
        }

        Visitor visitor(long at, String service, boolean appointment, boolean openingQueue) {
            ServiceLoad load = profile.services().get(service);
            if (load == null) {
                throw new IllegalArgumentException("the opening queue names a service without a load: " + service);
            }
            double meanMillis = load.meanMinutes() * MINUTE;
            double serviceMillis = switch (load.distribution()) {
                case EXPONENTIAL -> -Math.log(1 - random.nextDouble()) * meanMillis;
                case FIXED -> meanMillis;
                case LOGNORMAL -> lognormal(meanMillis, load.cv());
            };
            DayProfile.Visitors how = profile.visitors();
            long walk = 0;
            int answersAt = 0;
            if (how != null) {
                Spread spread = how.walkSeconds();
                walk = spread == null || spread.mean() <= 0
                        ? 0
                        : Math.round(lognormal(spread.mean() * 1000, spread.cv()));
                double u = random.nextDouble();
                answersAt = u < how.noShowProbability()
                        ? -1
                        : u < how.noShowProbability() + how.recallProbability() ? 1 : 0;
            }
            return new Visitor(
                    at,
                    service,
                    priorityClass(),
                    appointment,
                    openingQueue,
                    Math.max(1, Math.round(serviceMillis)),
                    walk,
                    answersAt);
        }

        PriorityClass priorityClass() {
            double u = random.nextDouble();
            double cumulative = 0;
            for (PriorityClass c : PriorityClass.values()) {
                Double share = profile.priorityMix().get(c);
                if (share != null) {
                    cumulative += share;
                    if (u < cumulative) {
                        return c;
                    }
                }
            }
            return PriorityClass.NONE;
        }

        double lognormal(double mean, double cv) {
            if (cv <= 0) {
                return mean;
            }
            double sigma2 = Math.log(1 + cv * cv);
            return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * random.nextGaussian());
        }

        int poisson(double mean) {
            // Knuth's product of uniforms: the means here are a few visitors per slot
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
            return count;
        }

        void scheduleDesks() {
            for (DayProfile.DeskPlan plan : profile.desks()) {
                Set<String> services = plan.services().isEmpty()
                        ? centre.settings().deskServices().get(plan.desk())
                        : new TreeSet<>(plan.services());
                desks.put(plan.desk(), new Desk(plan.desk(), services));
                for (int i = 0; i < plan.shifts().size(); i++) {
                    schedule(local(plan.shifts().get(i).from()), Kind.OPEN_SHIFT, plan.desk(), i);
                    schedule(local(plan.shifts().get(i).to()), Kind.END_SHIFT, plan.desk(), i);
                }
                for (DayProfile.Pause pause : plan.pauses()) {
                    schedule(local(pause.at()), Kind.PAUSE, plan.desk(), pause.minutes());
                }
            }
        }

        void schedule(long at, Kind kind, String ref, int n) {
            steps.add(new Step(at, order++, kind, ref, n));
        }

        Instant at() {
            return Instant.ofEpochMilli(now);
        }

        // ---- the loop -----------------------------------------------------------------------

        void take(Step step) {
            switch (step.kind()) {
                case OPEN_SHIFT -> openShift(desks.get(step.ref()));
                case END_SHIFT -> endShift(desks.get(step.ref()), step.at() >= closes);
                case PAUSE -> pause(desks.get(step.ref()), step.n());
                case RESUME -> resume(desks.get(step.ref()));
                case ARRIVE -> arrive(step.n());
                case NO_ANSWER -> noAnswer(traces.get(step.ref()));
                case AT_DESK -> {
                    floor.send(new StartService(floorId, step.ref(), at()), clerkOf(step.ref()));
                    schedule(now + traces.get(step.ref()).visitor.serviceMillis(), Kind.DONE, step.ref(), 0);
                }
                case DONE -> {
                    Desk desk = desks.get(traces.get(step.ref()).deskId);
                    floor.send(new CompleteService(floorId, step.ref(), at()), desk.clerk);
                    free(desk);
                }
                case REESTIMATE -> reestimate();
            }
        }

        Actor clerkOf(String visitId) {
            return desks.get(traces.get(visitId).deskId).clerk;
        }

        void openShift(Desk desk) {
            desk.closing = false;
            if (desk.status != DeskState.CLOSED) {
                return; // shifts that overlap, or a shift begun while the last one was finishing
            }
            floor.send(new OpenDesk(floorId, desk.id, desk.services, at()), desk.clerk);
            desk.status = DeskState.OPEN;
            desk.openSince = now;
            desk.idleSince = now;
        }

        void endShift(Desk desk, boolean atClosing) {
            desk.closing = true;
            desk.overtime = atClosing;
            if (desk.visit == null && desk.status == DeskState.OPEN) {
                closeUnlessNeeded(desk);
            }
        }

        /** A desk at the end of its shift closes, unless it is the day's last shift and people still wait. */
        void closeUnlessNeeded(Desk desk) {
            if (desk.overtime && waitingFor(desk) > 0) {
                return;
            }
            floor.send(new CloseDesk(floorId, desk.id, at()), desk.clerk);
            leaveOpen(desk, DeskState.CLOSED);
        }

        void leaveOpen(Desk desk, DeskState status) {
            if (desk.status == DeskState.OPEN) {
                desk.openMillis += now - desk.openSince;
            }
            desk.status = status;
        }

        void pause(Desk desk, int minutes) {
            if (desk.status != DeskState.OPEN) {
                return;
            }
            if (desk.visit != null) {
                desk.pendingPause = minutes; // the clerk finishes with the visitor first
                return;
            }
            floor.send(new PauseDesk(floorId, desk.id, at()), desk.clerk);
            leaveOpen(desk, DeskState.PAUSED);
            schedule(now + minutes * MINUTE, Kind.RESUME, desk.id, 0);
        }

        void resume(Desk desk) {
            floor.send(new ResumeDesk(floorId, desk.id, at()), desk.clerk);
            desk.status = DeskState.OPEN;
            desk.openSince = now;
            desk.idleSince = now;
            if (desk.closing) {
                closeUnlessNeeded(desk);
            }
        }

        /** The desk's visit has ended: a pause or the end of its shift comes first, then the next call. */
        void free(Desk desk) {
            desk.busyMillis.merge(desk.busyService, now - desk.busySince, Long::sum);
            desk.visit = null;
            desk.busyService = null;
            desk.idleSince = now;
            if (desk.pendingPause != null) {
                int minutes = desk.pendingPause;
                desk.pendingPause = null;
                pause(desk, minutes);
            } else if (desk.closing) {
                closeUnlessNeeded(desk);
            }
        }

        void arrive(int index) {
            Visitor v = visitors.get(index);
            String visitId = floorId + ":v" + (index + 1);
            Trace trace = new Trace(v, visitId);
            traces.put(visitId, trace);
            String token = "sim-" + (index + 1);
            ArrivalAnswer answer = floor.send(
                    v.appointment()
                            ? new CheckInAppointment(
                                    floorId,
                                    visitId,
                                    "appt-" + (index + 1),
                                    v.serviceCode(),
                                    v.priorityClass(),
                                    token,
                                    at())
                            : new RegisterWalkIn(
                                    floorId, visitId, null, v.serviceCode(), v.priorityClass(), token, at()),
                    KIOSK);
            trace.position = answer.position();
            trace.shown = shown(visitId);
        }

        Map<String, Shown> shown(String visitId) {
            Map<String, Shown> shown = new LinkedHashMap<>();
            for (Estimator estimator : estimators) {
                shown.put(estimator.name(), estimator.shownAt(floor.board(), visitId, at()));
            }
            return shown;
        }

        void reestimate() {
            List<String> waitingNow = floor.board().visits.values().stream()
                    .filter(v -> v.status == VisitStatus.WAITING)
                    .map(v -> v.visitId)
                    .toList();
            for (String visitId : waitingNow) {
                later.add(new LaterEstimate(visitId, at(), shown(visitId)));
            }
            if (!steps.isEmpty()) {
                schedule(now + profile.reestimateEveryMinutes() * MINUTE, Kind.REESTIMATE, null, 0);
            }
        }

        /** Every free desk with someone waiting for its services calls next, the longest idle first. */
        void callWhereFree() {
            boolean called = true;
            while (called) {
                called = false;
                List<Desk> free = desks.values().stream()
                        .filter(d -> d.status == DeskState.OPEN && d.visit == null)
                        .sorted(Comparator.comparingLong((Desk d) -> d.idleSince)
                                .thenComparing(d -> d.id))
                        .toList();
                for (Desk desk : free) {
                    boolean someoneWaits = waitingFor(desk) > 0;
                    if (desk.closing && !(desk.overtime && someoneWaits)) {
                        closeUnlessNeeded(desk);
                    } else if (someoneWaits) {
                        call(desk);
                        called = true;
                    }
                }
            }
        }

        int waitingFor(Desk desk) {
            int count = 0;
            for (String service : desk.services) {
                count += waiting.getOrDefault(service, 0);
            }
            return count;
        }

        void call(Desk desk) {
            CallAnswer answer = floor.send(new CallNext(floorId, desk.id, "sim-call-" + ++calls, at()), desk.clerk);
            Trace trace = traces.get(answer.visitId());
            desk.visit = answer.visitId();
            desk.busyService = answer.serviceCode();
            desk.busySince = now;
            if (trace.visitor.answersAtCall() == 0) {
                schedule(now + trace.visitor.walkMillis(), Kind.AT_DESK, answer.visitId(), 0);
            } else {
                schedule(now + recallAfter(), Kind.NO_ANSWER, answer.visitId(), 0);
            }
        }

        long recallAfter() {
            return profile.visitors() == null ? MINUTE : profile.visitors().recallAfterSeconds() * 1000L;
        }

        /** The called visitor has not come: recall them, or once the recalls are used up, a no-show. */
        void noAnswer(Trace trace) {
            String visitId = trace.visitId;
            Desk desk = desks.get(trace.deskId);
            if (trace.recalls < centre.settings().maxRecalls()) {
                floor.send(new Recall(floorId, visitId, at()), desk.clerk);
                if (trace.visitor.answersAtCall() == trace.recalls) {
                    schedule(now + trace.visitor.walkMillis(), Kind.AT_DESK, visitId, 0);
                } else {
                    schedule(now + recallAfter(), Kind.NO_ANSWER, visitId, 0);
                }
            } else {
                floor.send(new MarkNoShow(floorId, visitId, at()), desk.clerk);
                free(desk);
            }
        }

        // ---- what the floor's events say ----------------------------------------------------

        void observe(FloorEvent event) {
            if (event instanceof VisitArrived e) {
                Trace t = traces.get(e.visitId());
                t.serviceCode = e.serviceCode();
                t.arrivedAt = e.arrivedAt();
                waiting.merge(e.serviceCode(), 1, Integer::sum);
            } else if (event instanceof TicketCalled e) {
                Trace t = traces.get(e.visitId());
                if (t.calledAt == null) {
                    t.calledAt = e.at();
                }
                t.deskId = e.deskId();
                waiting.merge(e.serviceCode(), -1, Integer::sum);
            } else if (event instanceof TicketRecalled e) {
                traces.get(e.visitId()).recalls = e.recall();
            } else if (event instanceof ServiceStarted e) {
                traces.get(e.visitId()).startedAt = e.at();
            } else if (event instanceof VisitCompleted e) {
                end(traces.get(e.visitId()), VisitStatus.COMPLETED, e.at());
            } else if (event instanceof VisitMarkedNoShow e) {
                end(traces.get(e.visitId()), VisitStatus.NO_SHOW, e.at());
            } else if (event instanceof FloorClosed e) {
                e.closures().forEach(c -> end(traces.get(c.visitId()), c.outcome(), e.at()));
            }
        }

        void end(Trace trace, VisitStatus outcome, Instant at) {
            trace.outcome = outcome;
            trace.endedAt = at;
        }

        DayResult result() {
            List<VisitRecord> records = new ArrayList<>();
            traces.forEach((visitId, t) -> records.add(new VisitRecord(
                    visitId,
                    t.serviceCode,
                    t.visitor.priorityClass(),
                    t.visitor.appointment(),
                    t.visitor.openingQueue(),
                    t.arrivedAt,
                    t.calledAt,
                    t.startedAt,
                    t.endedAt,
                    t.outcome,
                    t.deskId,
                    t.position,
                    t.shown)));
            Map<String, DeskTime> times = new TreeMap<>();
            desks.forEach((id, d) -> times.put(id, new DeskTime(d.openMillis, Map.copyOf(d.busyMillis))));
            return new DayResult(
                    profile.name(),
                    seed,
                    floorId,
                    estimators.stream().map(Estimator::name).toList(),
                    List.copyOf(records),
                    List.copyOf(later),
                    times,
                    deskTimes());
        }

        Map<String, DayResult.ServiceDeskTime> deskTimes() {
            Map<String, DayResult.ServiceDeskTime> byService = new TreeMap<>();
            floor.board()
                    .stats
                    .forEach((service, s) ->
                            byService.put(service, new DayResult.ServiceDeskTime(s.deskMillis, s.deskVisits)));
            return byService;
        }
    }
}
