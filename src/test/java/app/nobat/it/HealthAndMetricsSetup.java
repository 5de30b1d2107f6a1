package app.nobat.it;

import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link HealthAndMetricsIT}'s clock, and its store closed after the application (whose lifecycle,
 * the event processors included, stops before beans are destroyed).
 */
@TestConfiguration(proxyBeanMethods = false)
class HealthAndMetricsSetup {

    @Bean
    Clock testClock() {
        return new MutableClock(HealthAndMetricsIT.MORNING);
    }

    @Bean
    DisposableBean closeTheTestStore() {
        return () -> HealthAndMetricsIT.store.close();
    }
}
