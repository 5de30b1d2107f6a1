package app.nobat.planning.observed;

import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorId;
import app.nobat.planning.domain.FloorObservations;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What each centre's current floor has shown so far, for staffing advice: read from the floor's
 * own events (the floor board keeps open visits only, and no service's arrivals per hour), on
 * demand and from where the last read stopped, so that a dashboard's refresh reads only the
 * events since its last one (by key, docs/design.md Storage). One log per centre, for its
 * current floor; a new day's floor replaces it.
 */
public class ObservedFloors {

    private final EventStore events;
    private final Map<String, FloorLog> logs = new ConcurrentHashMap<>();

    public ObservedFloors(EventStore events) {
        this.events = events;
    }

    /** The floor's day so far, up to its last stored event. Blocking (reads the event store). */
    public FloorObservations observe(FloorId floor) {
        String floorId = floor.toString();
        FloorLog log = logs.compute(
                floor.centreId(),
                (centre, known) -> known != null && known.floorId().equals(floorId) ? known : new FloorLog(floorId));
        synchronized (log) {
            DomainEventStream stream = events.readEvents(floorId, log.nextSequence());
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (message.getPayload() instanceof FloorEvent event) {
                    log.apply(event, message.getSequenceNumber());
                }
            }
            return log.observations();
        }
    }
}
