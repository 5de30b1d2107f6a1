package app.nobat.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Calls per minute over the window, from successive readings of a day's call count. */
class CallRateTest {

    static final Instant T0 = Instant.parse("2026-12-01T05:30:00Z");

    final CallRate rate = new CallRate(Duration.ofMinutes(10));

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theFirstReadingOnlySetsWhereCountingStarts() {
        // a node started at noon does not count the morning's forty calls as this minute's
        assertThat(rate.observe("c/res", "c:2026-12-01", 40, at(0))).isZero();
        assertThat(rate.observe("c/res", "c:2026-12-01", 43, at(1))).isEqualTo(0.3);
    }

    @Test
    void callsLeaveTheWindowAfterItsLength() {
        rate.observe("c/res", "c:2026-12-01", 0, at(0));
        assertThat(rate.observe("c/res", "c:2026-12-01", 5, at(1))).isEqualTo(0.5);
        assertThat(rate.observe("c/res", "c:2026-12-01", 7, at(5))).isEqualTo(0.7);
        assertThat(rate.observe("c/res", "c:2026-12-01", 7, at(10))).isEqualTo(0.7);
        // the minute-1 calls have left the window of minutes 2 to 11
        assertThat(rate.observe("c/res", "c:2026-12-01", 7, at(11))).isEqualTo(0.2);
        assertThat(rate.observe("c/res", "c:2026-12-01", 7, at(30))).isZero();
    }

    @Test
    void aNewDaysFloorCountsFromZero() {
        rate.observe("c/res", "c:2026-12-01", 120, at(0));
        assertThat(rate.observe("c/res", "c:2026-12-02", 3, at(1))).isEqualTo(0.3);
    }

    @Test
    void servicesAreCountedApartAndForgotten() {
        rate.observe("c/res", "c:2026-12-01", 0, at(0));
        rate.observe("c/work", "c:2026-12-01", 0, at(0));
        assertThat(rate.observe("c/res", "c:2026-12-01", 2, at(1))).isEqualTo(0.2);
        assertThat(rate.observe("c/work", "c:2026-12-01", 0, at(1))).isZero();
        rate.forget("c/res");
        assertThat(rate.observe("c/res", "c:2026-12-01", 9, at(2))).isZero();
    }
}
