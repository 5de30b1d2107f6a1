package app.nobat.floor.domain;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a floor needs of its centre's configuration, fixed when the day's floor starts: changes to
 * the centre take effect from the next day's floor.
 *
 * @param servicePrefixes ticket prefix letter per service code
 * @param deskServices    services each desk may serve
 */
public record FloorSettings(
        String timeZone,
        Map<String, String> servicePrefixes,
        Map<String, Set<String>> deskServices,
        QueuePolicySettings policy,
        EndOfDayRule endOfDay,
        int maxRecalls) {

    public FloorSettings {
        // sorted, so that the settings read the same in every process (replays compare byte for byte)
        servicePrefixes = Collections.unmodifiableSortedMap(new TreeMap<>(servicePrefixes));
        TreeMap<String, Set<String>> desks = new TreeMap<>();
        deskServices.forEach(
                (desk, services) -> desks.put(desk, Collections.unmodifiableSortedSet(new TreeSet<>(services))));
        deskServices = Collections.unmodifiableSortedMap(desks);
        ZoneId.of(timeZone);
    }

    public List<String> serviceCodes() {
        return servicePrefixes.keySet().stream().sorted().toList();
    }
}
