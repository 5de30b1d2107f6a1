package app.nobat.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

/** Test payloads and helpers. */
final class TestEvents {

    record TicketIssued(String ticket, int number, Instant at) {}

    record CounterOpened(String counter) {}

    record QueueState(String queue, long version) {}

    private TestEvents() {}

    static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    static DomainEventMessage<TicketIssued> issued(String aggregate, long seq) {
        return new GenericDomainEventMessage<>(
                "Queue",
                aggregate,
                seq,
                new TicketIssued(aggregate + "-" + seq, (int) seq, Instant.parse("2025-01-01T10:00:00Z")));
    }

    static EventMessage<CounterOpened> plain(String counter) {
        return GenericEventMessage.asEventMessage(new CounterOpened(counter));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
