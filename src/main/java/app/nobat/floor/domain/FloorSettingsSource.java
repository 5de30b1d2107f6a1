package app.nobat.floor.domain;

import app.nobat.common.UnknownReference;
import java.time.LocalDate;
import java.util.Map;

/** Port: where a floor reads its centre's configuration when its day starts. */
public interface FloorSettingsSource {

    /** @throws UnknownReference when the centre does not exist */
    FloorSettings settingsFor(String centreId);

    /**
     * Each service's mean desk time in minutes (call to end) on the centre's days before this one;
     * a service with no such days is left out. None by default (a centre's first day).
     */
    default Map<String, Double> earlierDeskMinutes(String centreId, LocalDate day) {
        return Map.of();
    }
}
