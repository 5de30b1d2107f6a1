package app.nobat.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls per minute of each service over the last window, from the day's call counts as this node
 * reads them: each reading adds the calls since the one before to the minute it was taken in. The
 * first reading of a service only sets where counting starts (calls before the node watched are
 * not today's rate), and a new day's floor counts from zero.
 */
final class CallRate {

    private record Seen(String floorId, int called) {}

    private final long windowMinutes;
    private final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, TreeMap<Long, Integer>> perMinute = new HashMap<>();

    CallRate(Duration window) {
        this.windowMinutes = Math.max(1, window.toMinutes());
    }

    /** Records a reading of a service's calls on a floor and answers its calls per minute now. */
    synchronized double observe(String key, String floorId, int called, Instant now) {
        Seen last = seen.put(key, new Seen(floorId, called));
        int added = 0;
        if (last != null) {
            added = last.floorId().equals(floorId) ? Math.max(0, called - last.called()) : called;
        }
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        TreeMap<Long, Integer> minutes = perMinute.computeIfAbsent(key, k -> new TreeMap<>());
        if (added > 0) {
            minutes.merge(minute, added, Integer::sum);
        }
        long first = minute - windowMinutes + 1;
        minutes.headMap(first).clear();
        int calls = minutes.subMap(first, true, minute, true).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        return calls / (double) windowMinutes;
    }

    synchronized void forget(String key) {
        seen.remove(key);
        perMinute.remove(key);
    }
}
