package app.nobat.eventstore;

import java.time.Instant;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

/**
 * Tracked data of an event that does not belong to an aggregate. Deliberately not a {@code DomainEventData}, so that
 * Axon deserializes it as a plain {@code TrackedEventMessage} rather than a domain event.
 */
record TrackedPlainEventData(TrackingToken trackingToken, EventData<String> data) implements TrackedEventData<String> {

    @Override
    public String getEventIdentifier() {
        return data.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        return data.getTimestamp();
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return data.getMetaData();
    }

    @Override
    public SerializedObject<String> getPayload() {
        return data.getPayload();
    }
}
