package app.nobat.floor.wiring;

import app.nobat.floor.domain.FloorEvent;
import app.nobat.platform.axon.EventNames;

/**
 * The floor's stored event names. Stored names never change: a renamed or moved class keeps its name here. The third
 * column is the class name the type was stored under in data format 1; a type added later has none.
 */
public final class FloorEventNames {

    private FloorEventNames() {}

    public static final EventNames NAMES = EventNames.of(FloorEvent.class)
            .name("floor.FloorStarted", FloorEvent.FloorStarted.class, "app.nobat.floor.domain.FloorEvent$FloorStarted")
            .name("floor.VisitArrived", FloorEvent.VisitArrived.class, "app.nobat.floor.domain.FloorEvent$VisitArrived")
            .name("floor.DeskOpened", FloorEvent.DeskOpened.class, "app.nobat.floor.domain.FloorEvent$DeskOpened")
            .name("floor.DeskPaused", FloorEvent.DeskPaused.class, "app.nobat.floor.domain.FloorEvent$DeskPaused")
            .name("floor.DeskResumed", FloorEvent.DeskResumed.class, "app.nobat.floor.domain.FloorEvent$DeskResumed")
            .name("floor.DeskClosed", FloorEvent.DeskClosed.class, "app.nobat.floor.domain.FloorEvent$DeskClosed")
            .name("floor.TicketCalled", FloorEvent.TicketCalled.class, "app.nobat.floor.domain.FloorEvent$TicketCalled")
            .name(
                    "floor.TicketCalledOutOfTurn",
                    FloorEvent.TicketCalledOutOfTurn.class,
                    "app.nobat.floor.domain.FloorEvent$TicketCalledOutOfTurn")
            .name(
                    "floor.VisitReturnedToQueue",
                    FloorEvent.VisitReturnedToQueue.class,
                    "app.nobat.floor.domain.FloorEvent$VisitReturnedToQueue")
            .name(
                    "floor.TicketRecalled",
                    FloorEvent.TicketRecalled.class,
                    "app.nobat.floor.domain.FloorEvent$TicketRecalled")
            .name(
                    "floor.ServiceStarted",
                    FloorEvent.ServiceStarted.class,
                    "app.nobat.floor.domain.FloorEvent$ServiceStarted")
            .name(
                    "floor.VisitCompleted",
                    FloorEvent.VisitCompleted.class,
                    "app.nobat.floor.domain.FloorEvent$VisitCompleted")
            .name(
                    "floor.VisitTransferred",
                    FloorEvent.VisitTransferred.class,
                    "app.nobat.floor.domain.FloorEvent$VisitTransferred")
            .name(
                    "floor.VisitMarkedNoShow",
                    FloorEvent.VisitMarkedNoShow.class,
                    "app.nobat.floor.domain.FloorEvent$VisitMarkedNoShow")
            .name(
                    "floor.VisitCancelled",
                    FloorEvent.VisitCancelled.class,
                    "app.nobat.floor.domain.FloorEvent$VisitCancelled")
            .name("floor.FloorClosed", FloorEvent.FloorClosed.class, "app.nobat.floor.domain.FloorEvent$FloorClosed")
            .build();
}
