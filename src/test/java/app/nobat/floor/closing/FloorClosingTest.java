package app.nobat.floor.closing;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.centre.domain.CentreProfile.OpeningPeriod;
import app.nobat.floor.domain.FloorId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorClosingTest {

    // 2026-11-29 is a Sunday; Tehran is UTC+03:30
    static final CentreProfile CENTRE = new CentreProfile(
            "c",
            Map.of(),
            "Asia/Tehran",
            List.of(),
            List.of(),
            List.of(
                    new OpeningPeriod(DayOfWeek.SUNDAY, LocalTime.of(7, 30), LocalTime.of(14, 30)),
                    new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(7, 30), LocalTime.of(14, 30))),
            null,
            null,
            0,
            null,
            null,
            null);
    static final FloorId SUNDAY = new FloorId("c", LocalDate.of(2026, 11, 29));

    @Test
    void dueAtClosingTimeInTheCentresZone() {
        assertThat(FloorClosing.isDue(SUNDAY, CENTRE, Instant.parse("2026-11-29T10:59:59Z")))
                .isFalse();
        assertThat(FloorClosing.isDue(SUNDAY, CENTRE, Instant.parse("2026-11-29T11:00:00Z")))
                .isTrue();
    }

    @Test
    void aPassedDayIsDueAtOnce() {
        assertThat(FloorClosing.isDue(SUNDAY, CENTRE, Instant.parse("2026-11-29T20:31:00Z")))
                .isTrue();
    }

    @Test
    void aDayWithoutHoursClosesWhenItHasPassed() {
        FloorId friday = new FloorId("c", LocalDate.of(2026, 11, 27));
        assertThat(FloorClosing.isDue(friday, CENTRE, Instant.parse("2026-11-27T19:00:00Z")))
                .isFalse();
        assertThat(FloorClosing.isDue(friday, CENTRE, Instant.parse("2026-11-27T20:31:00Z")))
                .isTrue();
    }

    @Test
    void carryOverGoesToTheNextOpeningDay() {
        assertThat(CENTRE.nextOpeningDayAfter(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CENTRE.nextOpeningDayAfter(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 12, 6));
    }
}
