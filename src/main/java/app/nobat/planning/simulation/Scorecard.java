package app.nobat.planning.simulation;

import app.nobat.planning.simulation.DayResult.DeskTime;
import app.nobat.planning.simulation.Estimator.Shown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of simulated days, per service and overall: how long visitors waited, how busy the
 * desks were, and how close each estimator's estimate at arrival came to the actual wait.
 *
 * <p>A visit's actual wait runs from its arrival to its first call. Visits never called (still
 * waiting when the floor closed) have no wait and are counted apart. Utilisation is busy time (from a
 * call to the visit's end, walk and recalls included) over open time (pauses left out, overtime
 * after closing included); a service's is that of the desks that served it, each desk weighted by the
 * share of its busy time the service took.
 */
public final class Scorecard {

    /**
     * @param mae        mean absolute error of the point shown at arrival, minutes (visits shown none left out)
     * @param maePercent the MAE as a percentage of the mean actual wait (of the same visits)
     * @param bias       mean of shown minus actual, minutes (positive: the estimate was too long)
     * @param inRange    share of visits whose actual wait fell inside the range shown (0 to 1; a visit
     *                   shown no estimate counts as outside)
     * @param notShown   visits shown no estimate at arrival (no desk served their service then)
     */
    public record Accuracy(
            String estimator, double mae, double maePercent, double bias, double inRange, int notShown) {}

    /**
     * @param called      visits that were called (their waits make the figures)
     * @param notCalled   visits still waiting when the floor closed
     * @param breaches    called visits that waited longer than the target
     */
    public record Row(
            String service,
            int called,
            int notCalled,
            double meanWait,
            double p90Wait,
            Integer targetMinutes,
            int breaches,
            double utilisation,
            List<Accuracy> accuracy) {}

    /** Estimates taken while visits waited, against their remaining wait. */
    public record Later(String estimator, int estimates, double meanRemaining, double mae, double maePercent) {}

    private final List<String> estimators;
    private final List<Row> rows;
    private final Row overall;
    private final List<Later> later;
    private final int days;

    private Scorecard(List<String> estimators, List<Row> rows, Row overall, List<Later> later, int days) {
        this.estimators = estimators;
        this.rows = rows;
        this.overall = overall;
        this.later = later;
        this.days = days;
    }

    public static Scorecard of(List<DayResult> days, SimulatedCentre centre) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no day to score");
        }
        List<String> estimators = days.get(0).estimators();
        Map<String, List<VisitRecord>> byService = new TreeMap<>();
        List<VisitRecord> all = new ArrayList<>();
        Map<String, VisitRecord> byId = new HashMap<>();
        Map<String, Long> busy = new TreeMap<>();
        Map<String, Double> capacity = new TreeMap<>();
        long open = 0;
        long busyTotal = 0;
        for (DayResult day : days) {
            for (VisitRecord v : day.visits()) {
                byService
                        .computeIfAbsent(v.serviceCode(), k -> new ArrayList<>())
                        .add(v);
                all.add(v);
                byId.put(v.visitId() + "@" + day.seed(), v);
            }
            for (DeskTime desk : day.desks().values()) {
                long deskBusy = desk.busyTotal();
                open += desk.openMillis();
                busyTotal += deskBusy;
                desk.busyMillis().forEach((service, millis) -> {
                    busy.merge(service, millis, Long::sum);
                    capacity.merge(service, desk.openMillis() * (double) millis / deskBusy, Double::sum);
                });
            }
        }
        List<Row> rows = new ArrayList<>();
        byService.forEach((service, visits) -> rows.add(row(
                service,
                visits,
                estimators,
                centre.targetWaitMinutes(),
                capacity.getOrDefault(service, 0.0) == 0
                        ? 0
                        : busy.getOrDefault(service, 0L) / capacity.get(service))));
        Row overall =
                row("overall", all, estimators, centre.targetWaitMinutes(), open == 0 ? 0 : (double) busyTotal / open);
        List<Later> later = new ArrayList<>();
        for (String estimator : estimators) {
            double errors = 0;
            double remaining = 0;
            int count = 0;
            for (DayResult day : days) {
                for (LaterEstimate e : day.later()) {
                    VisitRecord v = byId.get(e.visitId() + "@" + day.seed());
                    if (v.called() && e.shown().get(estimator).known()) {
                        double left = Duration.between(e.at(), v.calledAt()).toMillis() / 60_000.0;
                        errors += Math.abs(e.shown().get(estimator).point() - left);
                        remaining += left;
                        count++;
                    }
                }
            }
            if (count > 0) {
                later.add(new Later(estimator, count, remaining / count, errors / count, 100 * errors / remaining));
            }
        }
        return new Scorecard(estimators, List.copyOf(rows), overall, List.copyOf(later), days.size());
    }

    private static Row row(
            String service,
            List<VisitRecord> visits,
            List<String> estimators,
            Map<String, Integer> targets,
            double utilisation) {
        List<VisitRecord> called = visits.stream().filter(VisitRecord::called).toList();
        double[] waits =
                called.stream().mapToDouble(VisitRecord::waitMinutes).sorted().toArray();
        double mean = Arrays.stream(waits).average().orElse(0);
        int breaches = (int) called.stream()
                .filter(v -> targets.containsKey(v.serviceCode()) && v.waitMinutes() > targets.get(v.serviceCode()))
                .count();
        List<Accuracy> accuracy = new ArrayList<>();
        for (String estimator : estimators) {
            double absolute = 0;
            double signed = 0;
            double actual = 0;
            int inside = 0;
            int shownSome = 0;
            for (VisitRecord v : called) {
                Shown shown = v.shownAtArrival().get(estimator);
                inside += shown.holds(v.waitMinutes()) ? 1 : 0;
                if (shown.known()) {
                    double error = shown.point() - v.waitMinutes();
                    absolute += Math.abs(error);
                    signed += error;
                    actual += v.waitMinutes();
                    shownSome++;
                }
            }
            int n = Math.max(1, shownSome);
            accuracy.add(new Accuracy(
                    estimator,
                    absolute / n,
                    actual == 0 ? 0 : 100 * absolute / actual,
                    signed / n,
                    (double) inside / Math.max(1, called.size()),
                    called.size() - shownSome));
        }
        return new Row(
                service,
                called.size(),
                visits.size() - called.size(),
                mean,
                percentile(waits, 0.9),
                targets.get(service),
                breaches,
                utilisation,
                List.copyOf(accuracy));
    }

    /** The nearest-rank percentile of sorted values (0 when there are none). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public List<Row> rows() {
        return rows;
    }

    public Row overall() {
        return overall;
    }

    public List<Later> later() {
        return later;
    }

    /** The table the bench prints: one line per service and one overall, each estimator side by side. */
    public String table(String title) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%s: %d day%s, %,d visits called, %d not called, utilisation %.1f %%%n",
                title,
                days,
                days == 1 ? "" : "s",
                overall.called(),
                overall.notCalled(),
                100 * overall.utilisation()));
        StringBuilder head = new StringBuilder(String.format(
                Locale.ROOT,
                "%-12s %6s %6s %6s %6s %13s %6s",
                "service",
                "visits",
                "mean",
                "p90",
                "target",
                "breaches",
                "util"));
        for (String estimator : estimators) {
            head.append(
                    String.format(Locale.ROOT, " | %-8s %5s %5s %6s %6s", estimator, "MAE", "MAE%", "bias", "range"));
        }
        out.append(head).append(System.lineSeparator());
        List<Row> lines = new ArrayList<>(rows);
        lines.add(overall);
        for (Row row : lines) {
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%-12s %6d %6.1f %6.1f %6s %5d %5.1f %% %4.0f %%",
                    row.service(),
                    row.called(),
                    row.meanWait(),
                    row.p90Wait(),
                    row.targetMinutes() == null ? "" : row.targetMinutes().toString(),
                    row.breaches(),
                    row.called() == 0 ? 0 : 100.0 * row.breaches() / row.called(),
                    100 * row.utilisation()));
            for (Accuracy a : row.accuracy()) {
                line.append(String.format(
                        Locale.ROOT,
                        " | %-8s %5.1f %4.0f%% %+6.1f %5.0f%%",
                        "",
                        a.mae(),
                        a.maePercent(),
                        a.bias(),
                        100 * a.inRange()));
            }
            out.append(line).append(System.lineSeparator());
        }
        for (Accuracy a : overall.accuracy()) {
            if (a.notShown() > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %s showed no estimate to %,d visits at arrival (no desk serving): outside its range, not in its MAE%n",
                        a.estimator(),
                        a.notShown()));
            }
        }
        for (Later l : later) {
            out.append(String.format(
                    Locale.ROOT,
                    "  later, %s: %,d estimates of waiting visits, MAE %.1f min = %.0f %% of the mean remaining wait %.1f min%n",
                    l.estimator(),
                    l.estimates(),
                    l.mae(),
                    l.maePercent(),
                    l.meanRemaining()));
        }
        return out.toString();
    }
}
