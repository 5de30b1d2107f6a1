package app.nobat.reports.domain;

import app.nobat.floor.domain.PriorityClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a report's rows out of the statistics of a range of days. Plain arithmetic, no state. */
public final class Reports {

    private Reports() {}

    /**
     * The rows of a grouping over the given days, in key order, and their total. A day grouping has a
     * row for every day of the range, empty ones included; the other groupings only the keys seen.
     *
     * @param targetWaitMinutes each service's target wait; a wait of a service not named is never within
     */
    public static List<ReportRow> rows(
            Collection<DayStatistics> days,
            Grouping grouping,
            LocalDate from,
            LocalDate to,
            Map<String, Integer> targetWaitMinutes) {
        Map<String, Tally> merged = new TreeMap<>();
        if (grouping == Grouping.DAY) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                merged.put(d.toString(), new Tally());
            }
        }
        for (DayStatistics day : days) {
            day.rows(grouping)
                    .forEach((key, tally) ->
                            merged.computeIfAbsent(key, k -> new Tally()).add(tally));
        }
        List<ReportRow> rows = new ArrayList<>();
        merged.forEach((key, tally) -> rows.add(row(key, tally, targetWaitMinutes)));
        return rows;
    }

    /** The whole range as one row (the day grouping's rows added up). */
    public static ReportRow total(Collection<DayStatistics> days, Map<String, Integer> targetWaitMinutes) {
        Tally all = new Tally();
        for (DayStatistics day : days) {
            day.rows(Grouping.DAY).values().forEach(all::add);
        }
        return row("total", all, targetWaitMinutes);
    }

    static ReportRow row(String key, Tally t, Map<String, Integer> targets) {
        int waitCount = 0;
        int within = 0;
        for (Map.Entry<String, List<Integer>> e : t.waitSeconds.entrySet()) {
            Integer target = targets.get(e.getKey());
            for (int w : e.getValue()) {
                waitCount++;
                if (target != null && w <= target * 60) {
                    within++;
                }
            }
        }
        int[] waits = new int[waitCount];
        int i = 0;
        for (List<Integer> list : t.waitSeconds.values()) {
            for (int w : list) {
                waits[i++] = w;
            }
        }
        int[] service = t.serviceSeconds.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(waits);
        Arrays.sort(service);
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (PriorityClass c : PriorityClass.values()) {
            classes.put(c.name(), t.priorityClasses.getOrDefault(c.name(), 0));
        }
        return new ReportRow(
                key,
                t.walkIns + t.appointmentArrivals,
                t.walkIns,
                t.appointmentArrivals,
                t.carriedIn,
                t.called,
                t.calledOutOfTurn,
                t.recalls,
                t.returnedToQueue,
                t.served,
                t.transferredOut,
                t.transferredIn,
                t.noShows,
                t.cancelled,
                t.closedUnserved,
                t.carriedOver,
                classes,
                waits.length,
                mean(waits),
                median(waits),
                p90(waits),
                max(waits),
                within,
                waits.length == 0 ? null : round4((double) within / waits.length),
                service.length,
                mean(service),
                median(service),
                p90(service),
                max(service),
                t.appointmentsBooked,
                t.appointmentsCancelled,
                t.appointmentsMovedOut,
                t.appointmentsCheckedIn,
                t.appointmentsMissed);
    }

    static Double mean(int[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        long sum = 0;
        for (int v : sorted) {
            sum += v;
        }
        return round4((double) sum / sorted.length);
    }

    static Double median(int[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Nearest rank: the value at rank ceil(0.9 n). */
    static Integer p90(int[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        int rank = (int) Math.ceil(0.9 * n);
        return sorted[Math.max(1, rank) - 1];
    }

    static Integer max(int[] sorted) {
        return sorted.length == 0 ? null : sorted[sorted.length - 1];
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
