package app.nobat.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application on a fresh embedded store with the test centres; one context shared by all. Its
 * metrics are exported as in production (Spring Boot's tests leave exporters off otherwise), so
 * that the route walk finds the Prometheus endpoint.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nobat.mongo.data-dir=target/test-data/it-${random.uuid}",
            "nobat.seed.centres=classpath*:centres/*.yml,classpath*:test-centres/*.yml",
            "nobat.seed.calendars=classpath*:calendars/*.yml,classpath*:test-calendars/*.yml",
            "nobat.floor.closing.enabled=false",
            "nobat.rate-limit.booking-changes-per-minute=1000000",
            "nobat.rate-limit.public-reads-per-minute=1000000",
            "nobat.sse.heartbeat=1s",
            "nobat.access.stream-recheck=2s",
            // the suites share one context and one address: their wrong passwords must not lock each other out
            "nobat.sign-in.failures-per-account=1000000",
            "nobat.sign-in.failures-per-address=1000000"
        })
@Import(AsAdministrator.class)
@AutoConfigureObservability(tracing = false)
public @interface IntegrationTest {}
