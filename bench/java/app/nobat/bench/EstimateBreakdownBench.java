package app.nobat.bench;

import app.nobat.planning.simulation.DayProfile;
import app.nobat.planning.simulation.DayResult;
import app.nobat.planning.simulation.DaySimulator;
import app.nobat.planning.simulation.Estimator;
import app.nobat.planning.simulation.Estimator.Shown;
import app.nobat.planning.simulation.SimulatedCentre;
import app.nobat.planning.simulation.VisitRecord;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The new estimator's error at arrival broken down by half-hour of arrival and by the visitor's kind,
 * to see where it is wrong (the opening queue, the breaks, a kind of visitor). Arguments as
 * {@link DaySimulatorBench}; run with {@code -Dexec.mainClass=app.nobat.bench.EstimateBreakdownBench}.
 */
public final class EstimateBreakdownBench {

    private EstimateBreakdownBench() {}

    public static void main(String[] args) throws Exception {
        long seed = 1;
        int days = 5;
        int history = 5;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--history" -> history = Integer.parseInt(args[++i]);
                default -> names.add(args[i]);
            }
        }
        Quiet.axon();
        List<Estimator> estimators = DaySimulatorBench.estimators();
        for (String name : names) {
            DayProfile profile = DayProfile.read(Path.of("bench", "profiles", name + ".json"));
            SimulatedCentre centre = SimulatedCentre.seeded(profile.centre());
            DaySimulator simulator = new DaySimulator(centre, profile, estimators);
            List<VisitRecord> all = new ArrayList<>();
            for (DayResult result : DaySimulatorBench.playDays(simulator, seed, days, history)) {
                result.visits().stream().filter(VisitRecord::called).forEach(all::add);
            }
            ZoneId zone = ZoneId.of(centre.settings().timeZone());
            System.out.println();
            System.out.println(name);
            print("by arrival", all, v -> {
                var t = v.arrivedAt().atZone(zone).toLocalTime();
                return String.format("%02d:%02d", t.getHour(), t.getMinute() < 30 ? 0 : 30);
            });
            print(
                    "by kind",
                    all,
                    v -> (v.openingQueue() ? "door " : "")
                            + (v.appointment()
                                    ? "appointment"
                                    : v.priorityClass().isPriority() ? "priority" : "regular"));
            print("by service", all, VisitRecord::serviceCode);
        }
    }

    static void print(String title, List<VisitRecord> visits, Function<VisitRecord, String> key) {
        Map<String, List<VisitRecord>> groups = new TreeMap<>();
        visits.forEach(v ->
                groups.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v));
        System.out.println("  " + title + ":   visits  mean | today MAE%  bias | new MAE%  bias range");
        groups.forEach((k, vs) -> {
            double actual = vs.stream().mapToDouble(VisitRecord::waitMinutes).sum();
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "    %-18s %5d %5.1f", k, vs.size(), actual / vs.size()));
            for (String e : List.of("today", "new")) {
                double abs = 0;
                double signed = 0;
                int inside = 0;
                for (VisitRecord v : vs) {
                    Shown s = v.shownAtArrival().get(e);
                    double err = s.point() - v.waitMinutes();
                    abs += Math.abs(err);
                    signed += err;
                    inside += s.holds(v.waitMinutes()) ? 1 : 0;
                }
                line.append(String.format(
                        Locale.ROOT,
                        " | %5.0f%% %+5.1f %4.0f%%",
                        100 * abs / actual,
                        signed / vs.size(),
                        100.0 * inside / vs.size()));
            }
            System.out.println(line);
        });
    }
}
