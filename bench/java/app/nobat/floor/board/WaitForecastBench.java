package app.nobat.floor.board;

import app.nobat.floor.domain.PriorityClass;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long one wait forecast of a crowded floor takes: the straightforward play (the whole line
 * handed to the policy at every call) against the line kept per service and kind, on the same
 * floor in the same run. Not a test: run with {@code ./mvnw -q -Pbench test-compile exec:java
 * -Dexec.mainClass=app.nobat.floor.board.WaitForecastBench -Dexec.classpathScope=test}.
 *
 * <p>Arguments: waiting visitors (default 1,600), desks (default 24), rounds (default 5; the best is
 * printed, after as many rounds of warm-up).
 */
public final class WaitForecastBench {

    private WaitForecastBench() {}

    public static void main(String[] args) {
        int waiting = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
        int desks = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        RandomFloor floor = new RandomFloor(desks).build(1, waiting);
        FloorBoard board = floor.board;
        System.out.printf(
                "WaitForecastBench: %,d waiting, %d desks, %d services; best of %d rounds after %d of warm-up%n",
                waiting, desks, RandomFloor.SERVICES.size(), rounds, rounds);

        Map<String, WaitEstimator.Forecast.Called> reference = WaitEstimator.referencePlay(board, floor.now);
        Map<String, WaitEstimator.Forecast.Called> grouped = WaitEstimator.play(board, floor.now);
        System.out.printf("same forecast: %s (%,d visits called in it)%n", reference.equals(grouped), grouped.size());

        double referenceMs = best(rounds, () -> WaitEstimator.referencePlay(board, floor.now));
        double groupedMs = best(rounds, () -> WaitEstimator.play(board, floor.now));
        System.out.printf("every waiting visit, reference (whole line per call): %8.1f ms%n", referenceMs);
        System.out.printf("every waiting visit, line per service and kind:       %8.1f ms%n", groupedMs);
        System.out.printf("ratio reference / grouped: %.0f%n", referenceMs / groupedMs);

        double referenceTv = best(rounds, () -> newcomers(board, floor, false));
        double groupedTv = best(rounds, () -> newcomers(board, floor, true));
        System.out.printf(
                "a newcomer of each of the %d services (the TV), reference: %8.1f ms, grouped: %8.1f ms, ratio %.0f%n",
                RandomFloor.SERVICES.size(), referenceTv, groupedTv, referenceTv / groupedTv);
    }

    private static Object newcomers(FloorBoard board, RandomFloor floor, boolean grouped) {
        int called = 0;
        for (String service : RandomFloor.SERVICES) {
            WaitEstimator.Waiting line = grouped ? new WaitEstimator.GroupedWaiting() : new WaitEstimator.ListWaiting();
            if (WaitEstimator.playNewcomer(board, floor.now, service, PriorityClass.NONE, false, line) != null) {
                called++;
            }
        }
        return called;
    }

    private static double best(int rounds, Supplier<Object> work) {
        for (int i = 0; i < rounds; i++) {
            work.get();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - started) / 1e6);
        }
        return best;
    }
}
