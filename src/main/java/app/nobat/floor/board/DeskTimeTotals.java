package app.nobat.floor.board;

import java.util.Map;
import java.util.TreeMap;

/** Desk times summed per service over several days: each service's mean, every visit weighing alike. */
public final class DeskTimeTotals {

    private final Map<String, long[]> totals = new TreeMap<>(); // service: {desk millis, desk visits}

    public void add(String serviceCode, long millis, long visits) {
        long[] total = totals.computeIfAbsent(serviceCode, k -> new long[2]);
        total[0] += millis;
        total[1] += visits;
    }

    /** Mean desk minutes per service; a service without a visit is left out. */
    public Map<String, Double> meanMinutes() {
        Map<String, Double> minutes = new TreeMap<>();
        totals.forEach((service, total) -> {
            if (total[1] > 0) {
                minutes.put(service, total[0] / 60_000.0 / total[1]);
            }
        });
        return minutes;
    }
}
