package app.nobat.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.domain.CheckInWindow;
import app.nobat.booking.domain.DayPlan;
import app.nobat.booking.domain.SlotTemplate;
import app.nobat.common.JalaliDates;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped official holidays of the current Solar Hijri year. */
class NationalHolidaysTest {

    final NationalHolidays holidays = new NationalHolidays("classpath*:holidays/*.yml");

    @Test
    void theYear1405ShipsWithEveryDayNamedInFourLanguagesAndItsJalaliDateRight() {
        List<NationalHolidays.Holiday> year =
                holidays.between(LocalDate.parse("2026-03-21"), LocalDate.parse("2027-03-20"));
        assertThat(year).hasSizeGreaterThanOrEqualTo(25);
        assertThat(year).allSatisfy(h -> {
            assertThat(JalaliDates.format(h.date())).isEqualTo(h.jalali());
            assertThat(h.jalali()).startsWith("1405-");
            assertThat(h.names()).containsKeys("fa", "fa-AF", "ps", "en");
        });
        assertThat(holidays.on(LocalDate.parse("2026-03-21")).get("en")).contains("Nowruz");
        assertThat(holidays.on(LocalDate.parse("2026-04-01")).get("en")).contains("Republic");
        assertThat(holidays.on(LocalDate.parse("2027-02-11")).get("en")).contains("Revolution");
        assertThat(holidays.on(LocalDate.parse("2027-03-20"))).isNotNull();
        assertThat(holidays.on(LocalDate.parse("2026-12-05"))).isNull();
    }

    @Test
    void aHolidayHasNoSlots() {
        LocalDate ashura = LocalDate.parse("2026-06-25");
        var name = holidays.on(ashura);
        assertThat(name).isNotNull();
        DayPlan plan = DayPlan.of(
                ashura,
                ZoneId.of("Asia/Tehran"),
                List.of(new DayPlan.Opening(LocalTime.of(7, 30), LocalTime.of(14, 30))),
                new SlotTemplate(List.of(new SlotTemplate.Rule(
                        EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(12, 0), 15, 3))),
                name.get("en"),
                new CheckInWindow(Duration.ofMinutes(30), Duration.ofMinutes(15)),
                60);
        assertThat(plan.capacities()).isEmpty();
        assertThat(plan.closedReason()).startsWith("holiday: ").contains("Ashura");
    }
}
