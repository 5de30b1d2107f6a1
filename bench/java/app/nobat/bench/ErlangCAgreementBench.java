package app.nobat.bench;

import app.nobat.planning.simulation.MmcCheck;
import app.nobat.planning.simulation.MmcCheck.Outcome;
import app.nobat.planning.simulation.MmcCheck.Setting;
import java.util.Locale;

/**
 * The day simulator against Erlang C: for c = 1..8 desks and utilisation 0.5, 0.7, 0.85 and 0.95,
 * M/M/c days through the real floor, their mean wait and share of visitors who wait next to the
 * formula's, with the relative differences and the simulation's standard errors. Not a test: run
 * with {@code ./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=app.nobat.bench.ErlangCAgreementBench
 * -Dexec.classpathScope=test -Dexec.args="--seed 1"}.
 *
 * <p>Arguments: {@code --seed N} (default 1), {@code --arrivals N} per day (default 1200),
 * {@code --max-days N} per setting (default 1700, about 2 million visitors), {@code --error X}: each setting plays as many days as a
 * 50-day pilot says both standard errors need to be within X of Erlang C's values (default 0.015, so that 5 % is over three of
 * them), {@code --days N}: exactly N days per setting, no pilot, and {@code --desks 1,2,...} and
 * {@code --rho 0.5,...} to run a part of the table.
 */
public final class ErlangCAgreementBench {

    /** The pilot's days, from which each setting's number of days follows (see {@link MmcCheck#run}). */
    static final int PILOT_DAYS = 50;

    private ErlangCAgreementBench() {}

    public static void main(String[] args) {
        long seed = 1;
        int arrivals = 1200;
        int maxDays = 1700;
        int fixedDays = 0;
        double error = 0.015;
        String desks = "1,2,3,4,5,6,7,8";
        String rhos = "0.5,0.7,0.85,0.95";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--arrivals" -> arrivals = Integer.parseInt(args[++i]);
                case "--max-days" -> maxDays = Integer.parseInt(args[++i]);
                case "--days" -> fixedDays = Integer.parseInt(args[++i]);
                case "--error" -> error = Double.parseDouble(args[++i]);
                case "--desks" -> desks = args[++i];
                case "--rho" -> rhos = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Quiet.axon();
        if (fixedDays > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "ErlangCAgreementBench: seed %d, about %,d arrivals per 23-hour day, %d days per setting%n",
                    seed,
                    arrivals,
                    fixedDays);
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "ErlangCAgreementBench: seed %d, about %,d arrivals per 23-hour day, 50-day pilot, then up to %d days"
                            + " per setting, as many as standard errors within %.1f %% need%n",
                    seed,
                    arrivals,
                    maxDays,
                    100 * error);
        }
        System.out.printf(
                Locale.ROOT,
                "%2s %4s %5s %6s %9s | %9s %9s %7s %5s %7s %5s | %6s %6s %7s %5s %7s %5s | %4s%n",
                "c",
                "rho",
                "days",
                "visits",
                "service",
                "Wq sim",
                "Wq ErlC",
                "diff",
                "se",
                "raw",
                "se",
                "P sim",
                "P ErlC",
                "diff",
                "se",
                "raw",
                "se",
                "s");
        int within = 0;
        int settings = 0;
        long started = System.nanoTime();
        for (String rho : rhos.split(",")) {
            for (String c : desks.split(",")) {
                long t0 = System.nanoTime();
                Setting setting = new Setting(Integer.parseInt(c.trim()), Double.parseDouble(rho.trim()));
                Outcome o = fixedDays > 0
                        ? MmcCheck.runDays(setting, seed, arrivals, fixedDays)
                        : MmcCheck.run(setting, seed, arrivals, PILOT_DAYS, maxDays, error);
                boolean ok = Math.abs(o.meanWaitDifference()) <= 0.05 && Math.abs(o.waitingShareDifference()) <= 0.05;
                within += ok ? 1 : 0;
                settings++;
                System.out.printf(
                        Locale.ROOT,
                        "%2d %4.2f %5d %6s %5.2f min | %9.4f %9.4f %+6.1f%% %4.1f%% %+6.1f%% %4.1f%% | %6.4f %6.4f %+6.1f%%"
                                + " %4.1f%% %+6.1f%% %4.1f%% | %4.0f%s%n",
                        o.setting().desks(),
                        o.setting().utilisation(),
                        o.days(),
                        compact(o.visits()),
                        o.meanServiceMinutes(),
                        o.meanWait(),
                        o.erlangMeanWait(),
                        100 * o.meanWaitDifference(),
                        100 * o.meanWaitRelativeError(),
                        100 * o.rawMeanWaitDifference(),
                        100 * o.rawMeanWaitRelativeError(),
                        o.waitingShare(),
                        o.erlangWaitingShare(),
                        100 * o.waitingShareDifference(),
                        100 * o.waitingShareRelativeError(),
                        100 * o.rawWaitingShareDifference(),
                        100 * o.rawWaitingShareRelativeError(),
                        (System.nanoTime() - t0) / 1e9,
                        ok ? "" : "  outside 5 %");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d of %d settings within 5 %% on both figures; %.0f s in all%n",
                within,
                settings,
                (System.nanoTime() - started) / 1e9);
    }

    private static String compact(long visits) {
        return visits >= 1_000_000
                ? String.format(Locale.ROOT, "%.2fM", visits / 1e6)
                : String.format(Locale.ROOT, "%,d", visits);
    }
}
