package app.nobat.floor.board;

import app.nobat.floor.board.FloorBoard.DeskTime;
import app.nobat.floor.board.FloorBoard.DeskView;
import app.nobat.floor.board.FloorBoard.ServiceStats;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicy;
import app.nobat.floor.domain.QueuePolicy.Candidate;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one estimate of waits behind the kiosk ticket, the TV, the phone and the supervisor's board.
 *
 * <p>It plays the floor forward from now with the queue policy itself: every desk that serves now
 * (open, not paused, not left idle while its queues wait) calls when it is free, by the policy's
 * own choice among the services it offers, so a desk shared by three services gives each the share
 * the policy and the queues give it. Busy desks are free after the rest of their visit's expected
 * desk time; desk times are those of the last hour drawn towards the day's. Desks that have not
 * paused yet take their break in turn once two have. Visitors who would overtake (a priority class
 * or an appointment the policy weighs higher) arrive during the forecast at the rate observed: the
 * hour's arrivals of their service (the opening queue left out) times the day's share of their kind. The spread of the wait of someone with n visitors called before them is about
 * 1/√(n+1) of it, however good the forecast, and the forecast misses some of what will happen; the
 * range shown is both at 80 %.
 */
public final class WaitEstimator {

    /** Two-sided 80 % of a normal spread: four in five visitors are called within the range shown. */
    static final double Z = 1.28;
    /**
     * What the forecast itself misses (breaks to come, desks opening late, bursts of appointments),
     * as a share of the wait: calibrated on the day simulator so that four in five waits fall inside.
     */
    static final double MODEL_SPREAD = 0.33;
    /**
     * What a forecast misses before three visits have ended today on a centre's first day, when every
     * desk time is the default: the visitors at the door at opening are told a wide range.
     */
    static final double GUESSED_SPREAD = 1.0;
    /** A visit that has run past its expected desk time still has some of it left (lognormal times: about half). */
    static final double RESIDUAL_SHARE = 0.5;
    /** An open desk that calls nobody while its queues wait this long (or twice its desk time) is not serving. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(10);

    /** A pause's length until the day has seen three: a short break. */
    static final Duration USUAL_PAUSE = Duration.ofMinutes(15);

    static final Duration HOUR = Duration.ofHours(1);
    /** The last hour's desk times are drawn towards the day's mean by this many visits' weight: a few say little. */
    static final double DAY_WEIGHT = 5;

    static final int HOUR_SAMPLES = 3;
    /** The centre's usual desk time of a service, from its earlier days, weighs as this many of today's visits. */
    static final double EARLIER_WEIGHT = 5;

    static final double DEFAULT_DESK_MINUTES = FloorBoard.DEFAULT_SERVICE_MINUTES;
    /** How far ahead the forecast plays: beyond it a wait is not promised. */
    static final double HORIZON_MINUTES = 12 * 60;
    /** Narrower than this, a range says no more than its middle: one figure is shown. */
    static final double POINT_WIDTH_MINUTES = 2;
    /** A forecast holds for this long on an unchanged board (the screens ask for it many times a second). */
    static final Duration FORECAST_KEPT = Duration.ofSeconds(15);

    private WaitEstimator() {}

    /** The wait of a visit on the board: 0 once it is called, unknown when no desk serves its service. */
    public static WaitEstimate forVisit(FloorBoard board, VisitView visit, Instant now) {
        if (visit.status != VisitStatus.WAITING) {
            return WaitEstimate.NOW;
        }
        return forArrival(
                board, visit.visitId, visit.serviceCode, visit.priorityClass, visit.appointmentRef != null, now);
    }

    /**
     * The wait of a visit just taken: its own forecast once the board has it, until then that of
     * someone of its kind arriving now.
     */
    public static WaitEstimate forArrival(
            FloorBoard board,
            String visitId,
            String serviceCode,
            PriorityClass priorityClass,
            boolean appointment,
            Instant now) {
        if (board.settings == null) {
            return WaitEstimate.NO_DESK;
        }
        Forecast forecast = forecast(board, now);
        if (!board.visits.containsKey(visitId)) {
            return forecast.newcomer(serviceCode, priorityClass, appointment);
        }
        Forecast.Called called = forecast.visits.get(visitId);
        return called == null ? WaitEstimate.NO_DESK : called.estimate();
    }

    /** The wait of a visitor without priority who takes a ticket for this service now: what the TV shows. */
    public static WaitEstimate forNewcomer(FloorBoard board, String serviceCode, Instant now) {
        if (board.settings == null) {
            return WaitEstimate.NO_DESK;
        }
        return forecast(board, now).newcomer(serviceCode, PriorityClass.NONE, false);
    }

    private static Forecast forecast(FloorBoard board, Instant now) {
        Forecast kept = board.forecast;
        if (kept != null
                && kept.sequence == board.lastSequence
                && !now.isBefore(kept.at)
                && now.isBefore(kept.at.plus(FORECAST_KEPT))) {
            return kept;
        }
        Forecast made = new Forecast(board, now);
        board.forecast = made;
        return made;
    }

    /** One play of the floor forward from an instant, for every waiting visit at once. */
    static final class Forecast {

        /**
         * When a visit is called in the forecast, and how many are called before it.
         *
         * @param guessed whether the desk times are still the default (no three visits have ended today)
         */
        record Called(double minutes, int ahead, boolean guessed) {
            WaitEstimate estimate() {
                return WaitEstimator.estimate(minutes, ahead, guessed);
            }
        }

        final long sequence;
        final Instant at;
        final Map<String, Called> visits;
        private final FloorBoard board;
        private final Map<String, WaitEstimate> newcomers = new ConcurrentHashMap<>();

        Forecast(FloorBoard board, Instant at) {
            this.board = board;
            this.sequence = board.lastSequence;
            this.at = at;
            this.visits = play(board, at);
        }

        WaitEstimate newcomer(String serviceCode, PriorityClass priorityClass, boolean appointment) {
            return newcomers.computeIfAbsent(FloorBoard.kindOf(priorityClass, appointment) + "/" + serviceCode, k -> {
                Called called = playNewcomer(board, at, serviceCode, priorityClass, appointment, new GroupedWaiting());
                return called == null ? WaitEstimate.NO_DESK : called.estimate();
            });
        }
    }

    /** The spread of a forecast wait with {@code ahead} calls before it, as the screens show it. */
    static WaitEstimate estimate(double minutes, int ahead) {
        return estimate(minutes, ahead, false);
    }

    /** As {@link #estimate(double, int)}; a forecast on the default desk time misses as much as it says. */
    static WaitEstimate estimate(double minutes, int ahead, boolean guessed) {
        if (minutes < 0.5) {
            return WaitEstimate.NOW;
        }
        double missed = guessed ? GUESSED_SPREAD : MODEL_SPREAD;
        double spread = Z * Math.sqrt(1 / (ahead + 1.0) + missed * missed);
        double low = Math.max(0, minutes * (1 - spread));
        double high = minutes * (1 + spread);
        int point = Math.max(1, (int) Math.round(minutes));
        if (high - low < POINT_WIDTH_MINUTES) {
            return new WaitEstimate(true, point, point, point);
        }
        // a wide range in fives ("15–25 min"): a precision the forecast does not have would mislead
        boolean inFives = high - low >= 10;
        int lowShown = Math.max(1, (int) (inFives ? Math.round(low / 5) * 5 : Math.floor(low)));
        int highShown = (int) (inFives ? Math.round(high / 5) * 5 : Math.ceil(high));
        return new WaitEstimate(true, point, Math.min(lowShown, point), Math.max(highShown, point));
    }

    /**
     * The forecast of every waiting visit as the straightforward reference plays it (the whole line
     * handed to the policy at every call): what the test holds {@link GroupedWaiting} to.
     */
    static Map<String, Forecast.Called> referencePlay(FloorBoard board, Instant now) {
        return new Play(board, now, null, new ListWaiting()).run();
    }

    /** The forecast of every waiting visit, as the screens' forecast plays it. */
    static Map<String, Forecast.Called> play(FloorBoard board, Instant now) {
        return new Play(board, now, null, new GroupedWaiting()).run();
    }

    /** When someone of this kind who takes a ticket now would be called (null: no desk serves them). */
    static Forecast.Called playNewcomer(
            FloorBoard board,
            Instant now,
            String serviceCode,
            PriorityClass priorityClass,
            boolean appointment,
            Waiting waiting) {
        Play.Entry newcomer = new Play.Entry(
                new Candidate(Play.NEWCOMER, priorityClass, now, Long.MAX_VALUE / 2, appointment), serviceCode, true);
        return new Play(board, now, newcomer, waiting).run().get(Play.NEWCOMER);
    }

    /** The visitors waiting during a play: those a desk may call, taken out as they are called. */
    interface Waiting {

        void add(Play.Entry entry);

        /**
         * Waiting visitors of these services among whom the policy chooses as among all of them: a
         * visitor left out always has one handed over whom the policy calls first.
         */
        Collection<Candidate> callable(Set<String> services);

        Play.Entry take(String visitId);

        /** Whether a visit of the board (not an arrival the forecast made up) still waits. */
        boolean anyCounted();
    }

    /** The reference: one list, every visitor handed to the policy at every call (O(waiting) a call). */
    static final class ListWaiting implements Waiting {
        private final List<Play.Entry> entries = new ArrayList<>();

        @Override
        public void add(Play.Entry entry) {
            entries.add(entry);
        }

        @Override
        public Collection<Candidate> callable(Set<String> services) {
            return entries.stream()
                    .filter(e -> services.contains(e.serviceCode()))
                    .map(Play.Entry::candidate)
                    .toList();
        }

        @Override
        public Play.Entry take(String visitId) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).candidate().visitId().equals(visitId)) {
                    return entries.remove(i);
                }
            }
            throw new IllegalStateException("the policy chose a visit that is not waiting");
        }

        @Override
        public boolean anyCounted() {
            return entries.stream().anyMatch(Play.Entry::counted);
        }
    }

    /**
     * The line kept per service and kind (class and appointment), each in arrival order. Within a
     * kind the policy's score only falls with a later arrival, and its ties go by arrival, so the
     * head of each kind is the only one of it the policy could call next: a call looks at a dozen
     * heads, not at the whole line.
     */
    static final class GroupedWaiting implements Waiting {
        private static final Comparator<Play.Entry> ARRIVAL = Comparator.comparing(
                        (Play.Entry e) -> e.candidate().arrivedAt())
                .thenComparingLong(e -> e.candidate().arrivalOrder());

        private final Map<String, Map<String, PriorityQueue<Play.Entry>>> byService = new HashMap<>();
        private final Map<String, PriorityQueue<Play.Entry>> kindOf = new HashMap<>();
        private int counted;

        @Override
        public void add(Play.Entry entry) {
            Candidate c = entry.candidate();
            PriorityQueue<Play.Entry> kind = byService
                    .computeIfAbsent(entry.serviceCode(), k -> new TreeMap<>())
                    .computeIfAbsent(
                            FloorBoard.kindOf(c.priorityClass(), c.appointmentBoost()),
                            k -> new PriorityQueue<>(ARRIVAL));
            kind.add(entry);
            kindOf.put(c.visitId(), kind);
            if (entry.counted()) {
                counted++;
            }
        }

        @Override
        public Collection<Candidate> callable(Set<String> services) {
            List<Candidate> heads = new ArrayList<>();
            for (String service : services) {
                Map<String, PriorityQueue<Play.Entry>> kinds = byService.get(service);
                if (kinds != null) {
                    for (PriorityQueue<Play.Entry> kind : kinds.values()) {
                        if (!kind.isEmpty()) {
                            heads.add(kind.peek().candidate());
                        }
                    }
                }
            }
            return heads;
        }

        @Override
        public Play.Entry take(String visitId) {
            PriorityQueue<Play.Entry> kind = kindOf.remove(visitId);
            if (kind == null
                    || kind.isEmpty()
                    || !kind.peek().candidate().visitId().equals(visitId)) {
                throw new IllegalStateException("the policy chose a visit that is not at the head of its kind");
            }
            Play.Entry entry = kind.poll();
            if (entry.counted()) {
                counted--;
            }
            return entry;
        }

        @Override
        public boolean anyCounted() {
            return counted > 0;
        }
    }

    /** The forward play: desks call by the policy as they come free, overtaking arrivals come at their rate. */
    static final class Play {

        static final String NEWCOMER = "~newcomer";

        record Entry(Candidate candidate, String serviceCode, boolean counted) {}

        private static final class Desk {
            final String deskId;
            final Set<String> services;
            double freeAt;
            int streak;
            /** When its clerk is expected to take the day's break (after the visit then at the desk), and for how long. */
            double pauseAt = Double.POSITIVE_INFINITY;

            double pauseFor;

            Desk(String deskId, Set<String> services, double freeAt, int streak) {
                this.deskId = deskId;
                this.services = services;
                this.freeAt = freeAt;
                this.streak = streak;
            }
        }

        /** Visitors of one kind of one service who may overtake, arriving evenly at the observed rate. */
        private static final class Stream {
            final String serviceCode;
            final PriorityClass priorityClass;
            final boolean appointment;
            final double every;
            double next;

            Stream(String serviceCode, PriorityClass priorityClass, boolean appointment, double perMinute) {
                this.serviceCode = serviceCode;
                this.priorityClass = priorityClass;
                this.appointment = appointment;
                this.every = 1 / perMinute;
                this.next = every / 2;
            }
        }

        private final FloorBoard board;
        private final Instant now;
        private final Entry target;
        private final QueuePolicy policy;
        private final Waiting waiting;
        private final boolean guessed;
        private final List<Desk> desks = new ArrayList<>();
        private final PriorityQueue<Stream> arrivals = new PriorityQueue<>(Comparator.comparingDouble(s -> s.next));
        private final Map<String, Double> deskMinutes = new HashMap<>();
        /** Per service, the arrival of its longest-waiting visitor on the board: whether an idle desk has stalled. */
        private final Map<String, Instant> oldestWaiting = new HashMap<>();

        private long arrivalOrder = Long.MAX_VALUE / 4;

        /**
         * @param target a visitor to add (a newcomer) and stop at; null to play until every waiting visit is called
         * @param waiting an empty line of waiting visitors: {@link GroupedWaiting}, or {@link ListWaiting} as a reference
         */
        Play(FloorBoard board, Instant now, Entry target, Waiting waiting) {
            this.board = board;
            this.now = now;
            this.target = target;
            this.policy = new QueuePolicy(board.settings.policy());
            this.waiting = waiting;
            this.guessed = board.earlierDeskMinutes.isEmpty()
                    && board.stats.values().stream()
                                    .mapToLong(x -> x.deskVisits)
                                    .sum()
                            < HOUR_SAMPLES;
            long order = 0;
            for (VisitView v : board.visits.values()) {
                order++;
                if (v.status == VisitStatus.WAITING) {
                    waiting.add(new Entry(
                            new Candidate(v.visitId, v.priorityClass, v.arrivedAt, order, v.appointmentRef != null),
                            v.serviceCode,
                            true));
                    oldestWaiting.merge(v.serviceCode, v.arrivedAt, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (target != null) {
                waiting.add(target);
                oldestWaiting.merge(
                        target.serviceCode(), target.candidate().arrivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
            for (DeskView d : board.desks.values()) {
                serving(d).ifPresent(desks::add);
            }
            breaksToCome();
            overtakers();
        }

        Map<String, Forecast.Called> run() {
            Map<String, Forecast.Called> called = new HashMap<>();
            int calls = 0;
            while (!desks.isEmpty()) {
                Desk desk = desks.get(0);
                for (Desk d : desks) {
                    if (d.freeAt < desk.freeAt || (d.freeAt == desk.freeAt && d.deskId.compareTo(desk.deskId) < 0)) {
                        desk = d;
                    }
                }
                if (desk.freeAt > HORIZON_MINUTES) {
                    break;
                }
                if (desk.freeAt >= desk.pauseAt) {
                    desk.freeAt += desk.pauseFor; // its break, once its visitor has gone
                    desk.pauseAt = Double.POSITIVE_INFINITY;
                    continue;
                }
                arriveUntil(desk.freeAt);
                Instant at = now.plusMillis(Math.round(desk.freeAt * 60_000));
                Optional<QueuePolicy.Choice> choice = policy.choose(waiting.callable(desk.services), at, desk.streak);
                if (choice.isEmpty()) {
                    OptionalNext next = nextArrivalFor(desk);
                    if (next.none()) {
                        desks.remove(desk); // nobody left or coming for it
                    } else {
                        desk.freeAt = Math.max(desk.freeAt, next.at());
                    }
                    continue;
                }
                Entry chosen = waiting.take(choice.get().visitId());
                if (chosen.counted()) {
                    called.put(chosen.candidate().visitId(), new Forecast.Called(desk.freeAt, calls, guessed));
                }
                calls++;
                if (chosen == target || (target == null && !waiting.anyCounted())) {
                    break;
                }
                desk.streak = chosen.candidate().priorityClass().isPriority() ? desk.streak + 1 : 0;
                desk.freeAt += deskMinutes(chosen.serviceCode());
            }
            return called;
        }

        private record OptionalNext(double at, boolean none) {}

        private OptionalNext nextArrivalFor(Desk desk) {
            return arrivals.stream()
                    .filter(s -> desk.services.contains(s.serviceCode) && s.next <= HORIZON_MINUTES)
                    .mapToDouble(s -> s.next)
                    .min()
                    .stream()
                    .mapToObj(t -> new OptionalNext(t, false))
                    .findFirst()
                    .orElse(new OptionalNext(0, true));
        }

        private void arriveUntil(double minutes) {
            while (!arrivals.isEmpty() && arrivals.peek().next <= minutes) {
                Stream s = arrivals.poll();
                Instant at = now.plusMillis(Math.round(s.next * 60_000));
                waiting.add(new Entry(
                        new Candidate("~" + arrivalOrder, s.priorityClass, at, arrivalOrder++, s.appointment),
                        s.serviceCode,
                        false));
                s.next += s.every;
                if (s.next <= HORIZON_MINUTES) {
                    arrivals.add(s);
                }
            }
        }

        /** A desk as the forecast counts it, or none when it does not serve now. */
        private Optional<Desk> serving(DeskView d) {
            if (d.status == DeskStatus.PAUSED && d.pausedAt != null && !d.serviceCodes.isEmpty()) {
                return back(d);
            }
            if (d.status != DeskStatus.OPEN || d.serviceCodes.isEmpty()) {
                return Optional.empty();
            }
            VisitView current = d.currentVisitId == null ? null : board.visits.get(d.currentVisitId);
            if (current != null && current.calledAt != null) {
                double mean = deskMinutes(current.serviceCode);
                double elapsed = minutesBetween(current.calledAt, now);
                return Optional.of(new Desk(
                        d.deskId, d.serviceCodes, Math.max(mean - elapsed, RESIDUAL_SHARE * mean), d.priorityStreak));
            }
            if (d.idleSince != null) {
                Instant oldest = d.serviceCodes.stream()
                        .map(oldestWaiting::get)
                        .filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(now);
                double stalled = Math.min(minutesBetween(d.idleSince, now), minutesBetween(oldest, now));
                double longestDeskTime = d.serviceCodes.stream()
                        .mapToDouble(this::deskMinutes)
                        .max()
                        .orElse(DEFAULT_DESK_MINUTES);
                if (stalled > Math.max(STALLED_AFTER.toMinutes(), 2 * longestDeskTime)) {
                    return Optional.empty(); // open on paper, but nobody is calling there
                }
            }
            return Optional.of(new Desk(d.deskId, d.serviceCodes, 0, d.priorityStreak));
        }

        /**
         * A paused desk is back after the day's usual pause (its visit's rest, if it paused holding
         * one); paused for more than twice that, it is not expected back.
         */
        private Optional<Desk> back(DeskView d) {
            double usual = usualPause();
            double paused = minutesBetween(d.pausedAt, now);
            if (paused > 2 * usual) {
                return Optional.empty();
            }
            double freeAt = Math.max(usual - paused, RESIDUAL_SHARE * usual);
            VisitView current = d.currentVisitId == null ? null : board.visits.get(d.currentVisitId);
            if (current != null) {
                freeAt += deskMinutes(current.serviceCode);
            }
            return Optional.of(new Desk(d.deskId, d.serviceCodes, freeAt, d.priorityStreak));
        }

        private double usualPause() {
            return board.pauses >= HOUR_SAMPLES ? board.pauseMillis / 60_000.0 / board.pauses : USUAL_PAUSE.toMinutes();
        }

        /**
         * Breaks taken in turns: once two desks have paused today, each desk serving now that has not
         * paused yet is expected to take one usual pause, in turns of as many desks as paused in the
         * day's first turn (those within a usual pause of the first), one turn after another at the
         * day's interval between its first two turns (a usual pause, until a second turn has begun).
         */
        private void breaksToCome() {
            List<Instant> starts = board.pauseStarts;
            if (starts.size() < 2) {
                return;
            }
            double usual = usualPause();
            Instant first = starts.get(0);
            int turn = 0;
            Instant second = null;
            for (Instant start : starts) {
                if (minutesBetween(first, start) < usual) {
                    turn++;
                } else {
                    second = start;
                    break;
                }
            }
            double interval = second == null ? usual : minutesBetween(first, second);
            long paused =
                    board.desks.values().stream().filter(d -> d.pausesTaken > 0).count();
            int i = 0;
            for (Desk desk : desks) { // in the order of their ids
                DeskView view = board.desks.get(desk.deskId);
                if (view.pausesTaken > 0) {
                    continue;
                }
                long slot = paused + i++;
                double at = minutesBetween(now, first) + (slot / Math.max(1, turn)) * interval;
                desk.pauseAt = Math.max(0, at);
                desk.pauseFor = usual;
            }
        }

        /** Streams of the kinds the policy may put before others: higher-weighted classes, boosted appointments. */
        private void overtakers() {
            QueuePolicySettings settings = board.settings.policy();
            double lowest = settings.weightOf(PriorityClass.NONE);
            for (var entry : board.stats.entrySet()) {
                ServiceStats s = entry.getValue();
                double perMinute = arrivalsPerMinute(s);
                if (perMinute <= 0 || s.arrived == 0) {
                    continue;
                }
                for (var kind : s.arrivedByKind.entrySet()) {
                    boolean appointment = kind.getKey().endsWith("+APPOINTMENT");
                    PriorityClass cls = PriorityClass.valueOf(kind.getKey().replace("+APPOINTMENT", ""));
                    boolean overtakes =
                            settings.weightOf(cls) > lowest || (appointment && settings.appointmentBoost() > 0);
                    if (overtakes) {
                        double share = kind.getValue() / (double) s.arrived;
                        arrivals.add(new Stream(entry.getKey(), cls, appointment, perMinute * share));
                    }
                }
            }
        }

        /**
         * The service's arrivals over the last hour, since the day's first call when that is later:
         * the visitors at the door by then are the opening queue, not a rate of arrivals.
         */
        private double arrivalsPerMinute(ServiceStats s) {
            if (board.firstArrivalAt == null || board.firstCallAt == null) {
                return 0;
            }
            Instant start = later(board.firstCallAt, board.firstArrivalAt);
            Instant windowStart = later(now.minus(HOUR), start);
            double window = Math.max(10, minutesBetween(windowStart, now));
            Instant hourStart = now.atZone(ZoneId.of(board.settings.timeZone()))
                    .truncatedTo(ChronoUnit.HOURS)
                    .toInstant();
            String openingHour = board.hourOf(board.firstArrivalAt);
            double count = steadyArrivals(s, board.hourOf(now), openingHour);
            if (windowStart.isBefore(hourStart)) {
                Instant previousStart = hourStart.minus(HOUR);
                Instant previousFrom = later(previousStart, start);
                double previousOpen = minutesBetween(previousFrom, hourStart);
                double inWindow = minutesBetween(windowStart, hourStart);
                double previous = steadyArrivals(s, board.hourOf(previousStart), openingHour);
                count += previousOpen <= 0 ? 0 : previous * Math.min(1, inWindow / previousOpen);
            }
            return count / window;
        }

        private static double steadyArrivals(ServiceStats s, String hour, String openingHour) {
            int arrived = s.arrivedByHour.getOrDefault(hour, 0);
            return Math.max(0, hour.equals(openingHour) ? arrived - s.openingArrivals : arrived);
        }

        /**
         * Expected desk time of a visit of this service: the mean of the last hour's visits and five
         * visits of the day's mean (so an hour of three or four visits, cv 0.6, does not swing the
         * forecast by a third), the day's being the service's, else the floor's, each from three
         * visits, else the default.
         */
        private double deskMinutes(String serviceCode) {
            return deskMinutes.computeIfAbsent(serviceCode, code -> {
                ServiceStats s = board.stats.get(code);
                double day = dayMinutes(code, s);
                if (s == null) {
                    return day;
                }
                Instant since = now.minus(HOUR);
                List<DeskTime> lastHour = s.recentDeskTimes.stream()
                        .filter(t -> t.endedAt().isAfter(since))
                        .toList();
                double hourMinutes =
                        lastHour.stream().mapToLong(DeskTime::millis).sum() / 60_000.0;
                return atLeastHalfMinute((hourMinutes + DAY_WEIGHT * day) / (lastHour.size() + DAY_WEIGHT));
            });
        }

        /**
         * The service's mean desk time over the day. Where the centre's earlier days give one, the day's
         * visits draw that towards today's; else the day's, else the floor's, each from three visits,
         * else the default.
         */
        private double dayMinutes(String serviceCode, ServiceStats s) {
            Double earlier = board.earlierDeskMinutes.get(serviceCode);
            if (earlier != null) {
                long visits = s == null ? 0 : s.deskVisits;
                double today = s == null ? 0 : s.deskMillis / 60_000.0;
                return atLeastHalfMinute((today + EARLIER_WEIGHT * earlier) / (visits + EARLIER_WEIGHT));
            }
            if (s != null && s.deskVisits >= HOUR_SAMPLES) {
                return atLeastHalfMinute(s.deskMillis / 60_000.0 / s.deskVisits);
            }
            // one or two quick visits say little: the floor's, then the default, until there are three
            long visits =
                    board.stats.values().stream().mapToLong(x -> x.deskVisits).sum();
            long millis =
                    board.stats.values().stream().mapToLong(x -> x.deskMillis).sum();
            return visits < HOUR_SAMPLES ? DEFAULT_DESK_MINUTES : atLeastHalfMinute(millis / 60_000.0 / visits);
        }

        private static double atLeastHalfMinute(double minutes) {
            return Math.max(0.5, minutes);
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static double minutesBetween(Instant from, Instant to) {
            return Duration.between(from, to).toMillis() / 60_000.0;
        }
    }
}
