package app.nobat.planning.wiring;

import app.nobat.planning.observed.ObservedFloors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PlanningConfig {

    /** The floors' days as staffing advice reads them, from the event store. */
    @Bean
    ObservedFloors observedFloors(EventStore events) {
        return new ObservedFloors(events);
    }
}
