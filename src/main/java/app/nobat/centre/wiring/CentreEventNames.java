package app.nobat.centre.wiring;

import app.nobat.centre.domain.CentreMessages;
import app.nobat.platform.axon.EventNames;

/**
 * The centre configuration's stored event names. Stored names never change: a renamed or moved class keeps its name here. The third
 * column is the class name the type was stored under in data format 1; a type added later has none.
 */
public final class CentreEventNames {

    private CentreEventNames() {}

    public static final EventNames NAMES = EventNames.of(CentreMessages.CentreEvent.class)
            .name(
                    "centre.CentreDefined",
                    CentreMessages.CentreDefined.class,
                    "app.nobat.centre.domain.CentreMessages$CentreDefined")
            .build();
}
