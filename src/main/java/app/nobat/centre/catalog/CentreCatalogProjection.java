package app.nobat.centre.catalog;

import app.nobat.centre.domain.CentreMessages.CentreDefined;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/** Keeps the catalog; idempotent by the centre's event sequence number. */
@ProcessingGroup("centre-catalog")
public class CentreCatalogProjection {

    private final CentreCatalog catalog;

    public CentreCatalogProjection(CentreCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(CentreDefined event, @SequenceNumber long sequence) {
        if (sequence > catalog.version(event.centreId())) {
            catalog.save(event.centreProfile(), sequence);
        }
    }
}
