package app.nobat.floor.closing;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.RandomIds;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorCommand.CarryOverVisit;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import app.nobat.floor.domain.FloorEvent.VisitClosure;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.VisitStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Carries the visits a closed floor carried over into the next opening day's floor, keeping their
 * arrival time and tracking token. Safe to repeat: the next floor registers each at most once.
 */
@ProcessingGroup("carry-over")
public class CarryOver {

    private final CommandGateway commands;
    private final CentreCatalog catalog;

    public CarryOver(CommandGateway commands, CentreCatalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    @EventHandler
    void on(FloorClosed event) {
        if (event.rule() != EndOfDayRule.CARRY_OVER) {
            return;
        }
        FloorId closed = FloorId.parse(event.floorId());
        CentreProfile centre = catalog.get(closed.centreId());
        FloorId next = new FloorId(closed.centreId(), centre.nextOpeningDayAfter(closed.day()));
        for (VisitClosure c : event.closures()) {
            if (c.outcome() != VisitStatus.CARRIED_OVER) {
                continue;
            }
            commands.sendAndWait(new CarryOverVisit(
                    next.toString(),
                    next.visitId(RandomIds.of(9)),
                    c.visitId(),
                    c.serviceCode(),
                    c.priorityClass(),
                    c.trackingToken(),
                    c.arrivedAt(),
                    event.at()));
        }
    }
}
