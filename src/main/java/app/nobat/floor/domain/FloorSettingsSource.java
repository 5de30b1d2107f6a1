package app.nobat.floor.domain;

import app.nobat.common.UnknownReference;

/** Port: where a floor reads its centre's configuration when its day starts. */
public interface FloorSettingsSource {

    /** @throws UnknownReference when the centre does not exist */
    FloorSettings settingsFor(String centreId);
}
