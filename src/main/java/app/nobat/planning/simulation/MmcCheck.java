package app.nobat.planning.simulation;

import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.planning.domain.ErlangC;
import app.nobat.planning.domain.QueueModel;
import app.nobat.planning.domain.QueueOutlook;
import app.nobat.planning.simulation.DayProfile.Distribution;
import app.nobat.planning.simulation.DayProfile.ServiceLoad;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulator against queueing theory: days of an M/M/c queue (one service, {@code c} desks,
 * Poisson arrivals, exponential service, no priorities, appointments, recalls or no-shows, no walk)
 * played through the real floor, their mean wait and share of visitors who wait at all next to
 * Erlang C.
 *
 * <p>Each day starts in the queue's steady state rather than empty, so that no warm-up has to be
 * thrown away: the visitors already at the door at opening are drawn from the M/M/c stationary
 * distribution of the number in the system (with probability C at least c, the excess geometric with
 * ratio ρ; below c in proportion to a^n/n!). As service is exponential, those in service at opening
 * need no elapsed time. They are not counted; every visitor arriving during the day is, and the desks
 * serve on after closing until the queue is empty. Days are independent, so the spread of the day
 * figures gives the standard errors (batch means, one batch per day).
 */
public final class MmcCheck {

    static final String SERVICE = "s";
    static final LocalTime OPENS = LocalTime.of(0, 0);
    static final LocalTime CLOSES = LocalTime.of(23, 0);
    static final double DAY_MINUTES = 23 * 60;

    private MmcCheck() {}

    /**
     * @param desks        c
     * @param utilisation  ρ = λ / (c μ)
     */
    public record Setting(int desks, double utilisation) {}

    /**
     * @param meanServiceMinutes chosen so that a day has about the asked number of arrivals
     * @param meanWait           simulated mean wait, minutes, with its standard error
     * @param waitingShare       simulated share of visitors who waited at all, with its standard error
     * @param rawMeanWait        the plain estimate (all waits over all visitors), for comparison
     * @param rawWaitingShare    likewise
     */
    public record Outcome(
            Setting setting,
            double meanServiceMinutes,
            int days,
            long visits,
            double meanWait,
            double meanWaitError,
            double waitingShare,
            double waitingShareError,
            double rawMeanWait,
            double rawMeanWaitError,
            double rawWaitingShare,
            double rawWaitingShareError,
            double erlangMeanWait,
            double erlangWaitingShare) {

        public double meanWaitDifference() {
            return meanWait / erlangMeanWait - 1;
        }

        public double waitingShareDifference() {
            return waitingShare / erlangWaitingShare - 1;
        }

        public double rawMeanWaitDifference() {
            return rawMeanWait / erlangMeanWait - 1;
        }

        public double rawWaitingShareDifference() {
            return rawWaitingShare / erlangWaitingShare - 1;
        }

        /** The standard errors relative to Erlang C's values, as the differences are. */
        public double meanWaitRelativeError() {
            return meanWaitError / erlangMeanWait;
        }

        public double waitingShareRelativeError() {
            return waitingShareError / erlangWaitingShare;
        }

        public double rawMeanWaitRelativeError() {
            return rawMeanWaitError / erlangMeanWait;
        }

        public double rawWaitingShareRelativeError() {
            return rawWaitingShareError / erlangWaitingShare;
        }
    }

    /**
     * The figures of one day, the sums its batch contributes: visitors who arrived during the day, the
     * minutes they waited, how many waited at all; and the controls, whose means theory knows exactly:
     * the visitors at the door at opening and the service minutes of the day's visitors.
     */
    record DayFigures(long visits, double waitMinutes, long waited, int atOpening, double serviceMinutes) {}

    /** What a day's figures average to in theory, where theory knows it (the controls). */
    record Expected(double visits, double atOpening, double meanServiceMinutes) {}

    /** Where the pilot's seeds start, apart from the seeds of the days that are reported. */
    static final long PILOT_SEEDS = 1_000_000_000L;

    /**
     * Plays as many days as the target needs, decided in advance (Stein's two stages): a pilot of
     * {@code pilotDays} days (seeds {@code seed + 10⁹ + i}) measures the spread, from which the days
     * that bring both standard errors within {@code targetRelativeError} of Erlang C's values follow
     * (at least {@code pilotDays}, at most {@code maxDays}); then that many fresh days (seeds
     * {@code seed + i}) are played and they alone are reported. Stopping a single run as soon as its
     * own standard error looks small enough would favour runs that happen to look calm, and with
     * skewed waits those are the runs whose mean is low: a bias the two stages do not have.
     *
     * @param arrivalsPerDay sets the day's scale: the mean service time is chosen so that about this
     *                       many visitors come in a 23-hour day (the queue is the same at any scale)
     */
    public static Outcome run(
            Setting setting, long seed, int arrivalsPerDay, int pilotDays, int maxDays, double targetRelativeError) {
        Outcome pilot = runDays(setting, seed + PILOT_SEEDS, arrivalsPerDay, pilotDays);
        double ratio = Math.max(pilot.meanWaitRelativeError(), pilot.waitingShareRelativeError()) / targetRelativeError;
        int days = (int) Math.min(maxDays, Math.max(pilotDays, Math.ceil(pilotDays * ratio * ratio)));
        return runDays(setting, seed, arrivalsPerDay, days);
    }

    /** Plays exactly {@code days} days of the setting, day i with seed {@code seed + i}. */
    public static Outcome runDays(Setting setting, long seed, int arrivalsPerDay, int days) {
        int c = setting.desks();
        double rho = setting.utilisation();
        double meanService = rho * c * DAY_MINUTES / arrivalsPerDay;
        double perHour = rho * c * 60 / meanService;
        QueueOutlook.Steady theory = (QueueOutlook.Steady) new QueueModel(perHour, meanService, c).outlook(0);
        // L = Lq + a: the mean number in the system, of which the opening queue is a draw
        double inSystem = theory.probabilityOfWaiting() * rho / (1 - rho) + rho * c;
        Expected expected = new Expected(perHour * DAY_MINUTES / 60, inSystem, meanService);
        SimulatedCentre centre = centre(c);
        List<DayFigures> played = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            long daySeed = seed + i;
            int atOpening = stationaryInSystem(c, rho, new SplittableRandom(~daySeed));
            DayResult day =
                    new DaySimulator(centre, profile(meanService, perHour, c, atOpening), List.of()).play(daySeed);
            played.add(figures(day));
        }
        return outcome(setting, played, expected, theory);
    }

    static DayFigures figures(DayResult day) {
        long visits = 0;
        long waited = 0;
        int atOpening = 0;
        double wait = 0;
        double service = 0;
        for (VisitRecord v : day.visits()) {
            if (v.openingQueue()) {
                atOpening++;
                continue;
            }
            if (v.outcome() != VisitStatus.COMPLETED) {
                throw new IllegalStateException("an M/M/c day ends with every visitor served: " + v);
            }
            visits++;
            wait += v.waitMinutes();
            waited += v.calledAt().isAfter(v.arrivedAt()) ? 1 : 0;
            service += Duration.between(v.startedAt(), v.endedAt()).toMillis() / 60_000.0;
        }
        return new DayFigures(visits, wait, waited, atOpening, service);
    }

    /**
     * The estimates over the days, each with its standard error from the spread between days.
     *
     * <p>Days start in the steady state, so the waits of a day's visitors add up on average to the
     * expected number of visitors times the mean wait (each arrival sees the steady queue): the plain
     * estimate is the days' total wait over their total visitors. The controlled estimate removes from
     * each day's total the part explained by how that day differed from its expectation in things
     * theory knows (Lavenberg and Welch's control variates, fitted by least squares over the days): more
     * visitors, a longer opening queue or slower services than average lengthen the waits of that day.
     * Both estimate the same mean; the controlled one with less spread at high utilisation.
     */
    static Outcome outcome(Setting setting, List<DayFigures> days, Expected expected, QueueOutlook.Steady theory) {
        int k = days.size();
        long visits = days.stream().mapToLong(DayFigures::visits).sum();
        double[] waits = days.stream().mapToDouble(DayFigures::waitMinutes).toArray();
        double[] waited = days.stream().mapToDouble(DayFigures::waited).toArray();
        double[][] controls = new double[k][];
        for (int i = 0; i < k; i++) {
            DayFigures d = days.get(i);
            controls[i] = new double[] {
                d.visits() - expected.visits(),
                d.atOpening() - expected.atOpening(),
                d.serviceMinutes() - d.visits() * expected.meanServiceMinutes()
            };
        }
        double[] wait = Controlled.mean(waits, controls);
        double[] share = Controlled.mean(waited, controls);
        double meanVisits = (double) visits / k;
        double rawWait = Arrays.stream(waits).sum() / visits;
        double rawShare = Arrays.stream(waited).sum() / visits;
        return new Outcome(
                setting,
                expected.meanServiceMinutes(),
                k,
                visits,
                wait[0] / expected.visits(),
                wait[1] / expected.visits(),
                share[0] / expected.visits(),
                share[1] / expected.visits(),
                rawWait,
                ratioError(waits, days, rawWait, meanVisits),
                rawShare,
                ratioError(waited, days, rawShare, meanVisits),
                theory.meanWaitMinutes(),
                theory.probabilityOfWaiting());
    }

    /** The batch-means standard error of a ratio of totals (a day a batch). */
    static double ratioError(double[] totals, List<DayFigures> days, double ratio, double meanVisits) {
        int k = totals.length;
        if (k < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double spread = 0;
        for (int i = 0; i < k; i++) {
            spread += Math.pow(totals[i] - ratio * days.get(i).visits(), 2);
        }
        return Math.sqrt(spread / (k * (k - 1.0))) / meanVisits;
    }

    /** A draw of the number of visitors in a steady M/M/c system (in service and waiting). */
    static int stationaryInSystem(int c, double rho, SplittableRandom random) {
        double load = rho * c;
        if (random.nextDouble() < ErlangC.probabilityOfWaiting(c, load)) {
            // at least c: the excess over c is geometric, P(k) = (1 − ρ) ρ^k
            return c + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(rho));
        }
        double[] weights = new double[c];
        double total = 0;
        double term = 1;
        for (int n = 0; n < c; n++) {
            term = n == 0 ? 1 : term * load / n;
            weights[n] = term;
            total += term;
        }
        double u = random.nextDouble() * total;
        for (int n = 0; n < c; n++) {
            u -= weights[n];
            if (u < 0) {
                return n;
            }
        }
        return c - 1;
    }

    static SimulatedCentre centre(int c) {
        Map<String, Set<String>> desks = new TreeMap<>();
        for (int d = 1; d <= c; d++) {
            desks.put("d" + d, new TreeSet<>(List.of(SERVICE)));
        }
        FloorSettings settings = new FloorSettings(
                "UTC", Map.of(SERVICE, "A"), desks, QueuePolicySettings.defaults(), EndOfDayRule.CLOSE, 2);
        return new SimulatedCentre("mmc", settings, Map.of(SERVICE, 0));
    }

    static DayProfile profile(double meanServiceMinutes, double perHour, int c, int atOpening) {
        List<DayProfile.DeskPlan> desks = new ArrayList<>();
        for (int d = 1; d <= c; d++) {
            desks.add(new DayProfile.DeskPlan(
                    "d" + d, List.of(), List.of(new DayProfile.Shift(OPENS, CLOSES)), List.of()));
        }
        return new DayProfile(
                "M/M/" + c,
                "one service, exponential service, Poisson arrivals",
                null,
                LocalDate.of(2026, 1, 1),
                OPENS,
                CLOSES,
                Map.of(
                        SERVICE,
                        new ServiceLoad(meanServiceMinutes, 1, Distribution.EXPONENTIAL, Map.of(OPENS, perHour))),
                Map.of(),
                null,
                null,
                Map.of(SERVICE, atOpening),
                desks,
                0);
    }
}
