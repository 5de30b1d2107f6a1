package app.nobat.bench;

import app.nobat.floor.wiring.CentreFloorSettings;
import app.nobat.planning.simulation.DayProfile;
import app.nobat.planning.simulation.DayResult;
import app.nobat.planning.simulation.DaySimulator;
import app.nobat.planning.simulation.Estimator;
import app.nobat.planning.simulation.NewEstimator;
import app.nobat.planning.simulation.Scorecard;
import app.nobat.planning.simulation.SimulatedCentre;
import app.nobat.planning.simulation.TodaysFormula;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays days of the profiles in {@code bench/profiles/} through the real floor and prints, per
 * profile, the waits and each estimator's error side by side. Not a test: run with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=app.nobat.bench.DaySimulatorBench
 * -Dexec.classpathScope=test -Dexec.args="quiet normal rush --seed 1 --days 5"}.
 *
 * <p>Arguments: profile names (files {@code bench/profiles/NAME.json}, or paths to JSON files; none:
 * every profile there), {@code --seed N} (default 1; day i of a profile plays seed N + i), and
 * {@code --days N} (default 5), {@code --history N} (default 5: the centre's days before the scored
 * ones, played first and not scored, seeds 1,000,000 + N + i; each day's floor starts from the desk
 * times of the latest 20 days before it, as a centre's floor reads its stored boards; 0: a centre's
 * first days, which start from the default desk time).
 */
public final class DaySimulatorBench {

    private DaySimulatorBench() {}

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
        Path folder = Path.of("bench", "profiles");
        if (names.isEmpty()) {
            try (var files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".json"))
                        .sorted()
                        .forEach(f -> names.add(f.substring(0, f.length() - ".json".length())));
            }
        }
        Quiet.axon();
        List<Estimator> estimators = estimators();
        System.out.printf(
                "DaySimulatorBench: seed %d, %d day%s per profile after %d earlier day%s, estimators %s%n",
                seed,
                days,
                days == 1 ? "" : "s",
                history,
                history == 1 ? "" : "s",
                estimators.stream().map(Estimator::name).toList());
        for (String name : names) {
            Path file = name.endsWith(".json") ? Path.of(name) : folder.resolve(name + ".json");
            DayProfile profile = DayProfile.read(file);
            SimulatedCentre centre = SimulatedCentre.seeded(profile.centre());
            DaySimulator simulator = new DaySimulator(centre, profile, estimators);
            long started = System.nanoTime();
            List<DayResult> results = playDays(simulator, seed, days, history);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println();
            System.out.print(Scorecard.of(results, centre).table(profile.name() + " (" + profile.description() + ")"));
            System.out.printf("  played in %.1f s%n", seconds);
        }
    }

    /**
     * The scored days (seeds {@code seed} to {@code seed + days - 1}) after {@code history} earlier
     * days of the centre, not scored (seeds 1,000,000 + seed + i); each day's floor starts from the
     * desk times of the days before it.
     */
    static List<DayResult> playDays(DaySimulator simulator, long seed, int days, int history) {
        List<DayResult> earlier = new ArrayList<>();
        for (int day = 0; day < history; day++) {
            earlier.add(simulator.play(1_000_000 + seed + day, latest(earlier)));
        }
        List<DayResult> results = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            DayResult played = simulator.play(seed + day, latest(earlier));
            results.add(played);
            earlier.add(played);
        }
        return results;
    }

    /** What a floor starts from: the desk times of the latest days before it, as many as a centre's floor reads. */
    static Map<String, Double> latest(List<DayResult> earlier) {
        return DaySimulator.earlierDeskMinutes(
                earlier.subList(Math.max(0, earlier.size() - CentreFloorSettings.EARLIER_DAYS), earlier.size()));
    }

    /** Today's formula and the new estimator, asked at the same instants of the same days. */
    static List<Estimator> estimators() {
        return List.of(new TodaysFormula(), new NewEstimator());
    }
}
