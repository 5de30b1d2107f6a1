package app.nobat.floor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.centre.domain.CentreProfile.OpeningPeriod;
import app.nobat.common.Refused;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walk-ins only within opening hours, in the centre's time zone: the kiosk issues no ticket at 1 a.m. */
class WalkInHoursTest {

    static final CentreProfile CENTRE = new CentreProfile(
            "hours",
            Map.of("en", "Hours"),
            "Asia/Tehran",
            List.of(),
            List.of(),
            List.of(
                    new OpeningPeriod(DayOfWeek.SATURDAY, LocalTime.of(13, 0), LocalTime.of(16, 0)),
                    new OpeningPeriod(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))),
            null,
            null,
            null);

    @Test
    void aWalkInWithinOpeningHoursIsTaken() {
        // Saturday 5 December 2026, 10:00 in Tehran
        assertThatCode(() ->
                        FloorController.requireOpen(CENTRE, CentreHolidays.NONE, Instant.parse("2026-12-05T06:30:00Z")))
                .doesNotThrowAnyException();
    }

    @Test
    void aWalkInAtOneInTheMorningIsRefusedWithTodaysHours() {
        assertThatThrownBy(() ->
                        FloorController.requireOpen(CENTRE, CentreHolidays.NONE, Instant.parse("2026-12-04T21:30:00Z")))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.refusal().code()).isEqualTo("closed-now");
                    assertThat(r.values()).containsEntry("hours", "08:00–12:00, 13:00–16:00");
                });
    }

    @Test
    void aWalkInAtClosingTimeOrOnADayWithoutHoursIsRefused() {
        assertThatThrownBy(() ->
                        FloorController.requireOpen(CENTRE, CentreHolidays.NONE, Instant.parse("2026-12-05T12:30:00Z")))
                .hasMessageContaining("closed now");
        // Friday
        assertThatThrownBy(() ->
                        FloorController.requireOpen(CENTRE, CentreHolidays.NONE, Instant.parse("2026-12-04T06:30:00Z")))
                .hasMessageContaining("closed today");
    }

    @Test
    void aWalkInOnAHolidayIsRefusedEvenWithinOpeningHours() {
        // Saturday 5 December 2026, 10:00 in Tehran, declared a holiday
        CentreHolidays fifthOfDecember =
                (centre, date) -> centre.equals("hours") && date.toString().equals("2026-12-05");
        assertThatThrownBy(() ->
                        FloorController.requireOpen(CENTRE, fifthOfDecember, Instant.parse("2026-12-05T06:30:00Z")))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.refusal().code()).isEqualTo("closed-holiday");
                    assertThat(r.values()).containsEntry("date", "2026-12-05");
                });
        // the centre's own date counts: 01:00 on the 5th in Tehran is still the 4th in UTC
        assertThatThrownBy(() ->
                        FloorController.requireOpen(CENTRE, fifthOfDecember, Instant.parse("2026-12-04T21:30:00Z")))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.refusal().code()).isEqualTo("closed-holiday"));
        assertThatThrownBy(() ->
                        FloorController.requireOpen(CENTRE, fifthOfDecember, Instant.parse("2026-12-05T21:30:00Z")))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.refusal().code()).isEqualTo("closed-today"));
    }
}
