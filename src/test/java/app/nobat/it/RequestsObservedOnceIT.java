package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A request is observed once (http.server.requests), not once more per security filter: a live
 * stream holds its request's observations for as long as it is open.
 */
@IntegrationTest
class RequestsObservedOnceIT {

    @Autowired
    WebTestClient admin;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestIsObservedOnceAndItsSecurityFiltersAreNot() {
        admin.get().uri("/api/me").exchange().expectStatus().isOk();

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters())
                .map(Meter::getId)
                .map(Meter.Id::getName)
                .noneMatch(name -> name.startsWith("spring.security.filterchain"));
    }
}
