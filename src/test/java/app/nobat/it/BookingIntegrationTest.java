package app.nobat.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application on a fresh embedded store with the test centres and a clock the tests move
 * (2026-12-01 08:30 in Tehran at the start); the sweep is run by the tests. One context for all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nobat.mongo.data-dir=target/test-data/booking-${random.uuid}",
            "nobat.seed.centres=classpath*:centres/*.yml,classpath*:test-centres/*.yml",
            "nobat.seed.calendars=classpath*:calendars/*.yml,classpath*:test-calendars/*.yml",
            "nobat.floor.closing.enabled=false",
            "nobat.rate-limit.booking-changes-per-minute=1000000",
            "nobat.rate-limit.public-reads-per-minute=1000000",
            "nobat.booking.sweep.enabled=false",
            "nobat.sse.heartbeat=1s"
        })
@Import({BookingIntegrationTest.TestClock.class, AsAdministrator.class})
public @interface BookingIntegrationTest {

    Instant START = Instant.parse("2026-12-01T05:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        Clock testClock() {
            return new MutableClock(START);
        }
    }
}
