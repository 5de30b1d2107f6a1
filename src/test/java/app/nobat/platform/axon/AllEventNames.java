package app.nobat.platform.axon;

import app.nobat.access.wiring.AccessEventNames;
import app.nobat.booking.wiring.BookingEventNames;
import app.nobat.centre.wiring.CentreEventNames;
import app.nobat.floor.wiring.FloorEventNames;
import java.util.List;

/** Every context's stored event names, for tests that read a store outside the application. */
public final class AllEventNames {

    public static final List<EventNames> EACH =
            List.of(FloorEventNames.NAMES, BookingEventNames.NAMES, AccessEventNames.NAMES, CentreEventNames.NAMES);

    public static final EventNames ALL = EventNames.merge(EACH);

    private AllEventNames() {}
}
