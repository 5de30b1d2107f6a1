package app.nobat.booking.domain;

import static app.nobat.common.Refusals.invalid;

import app.nobat.booking.domain.CalendarMessages.*;
import app.nobat.common.CommonRefusal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slot templates and holidays are audited changes; unchanged ones record nothing. */
class BookingCalendarFixtureTest {

    static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    static final SlotTemplate TEMPLATE = new SlotTemplate(
            List.of(new SlotTemplate.Rule(Set.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(12, 0), 15, 3)));
    static final LocalDate DAY = LocalDate.parse("2026-12-10");

    FixtureConfiguration<BookingCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BookingCalendar.class);
    }

    @Test
    void aTemplateIsPublished() {
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate("calendar:gulf", "gulf", "res", TEMPLATE, "admin", T))
                .expectEvents(SlotTemplatePublished.of("gulf", "res", TEMPLATE, "admin", T))
                .expectResultMessagePayload(true);
    }

    @Test
    void theSameTemplateAgainRecordsNothing() {
        fixture.given(SlotTemplatePublished.of("gulf", "res", TEMPLATE, "admin", T))
                .when(new PublishSlotTemplate("calendar:gulf", "gulf", "res", TEMPLATE, "seed", T))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aTemplateWithoutCapacityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate(
                        "calendar:gulf",
                        "gulf",
                        "res",
                        new SlotTemplate(List.of(new SlotTemplate.Rule(
                                Set.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(12, 0), 15, 0))),
                        "admin",
                        T))
                .expectException(invalid(CommonRefusal.OUT_OF_BOUNDS, "/rules/0/capacity"));
    }

    @Test
    void aTemplateEndingBeforeItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate(
                        "calendar:gulf",
                        "gulf",
                        "res",
                        new SlotTemplate(List.of(new SlotTemplate.Rule(
                                Set.of(DayOfWeek.SATURDAY), LocalTime.of(12, 0), LocalTime.of(8, 0), 15, 2))),
                        "admin",
                        T))
                .expectException(invalid(BookingRefusal.SLOT_RULE_ORDER, "/rules/0/until"));
    }

    @Test
    void aHolidayIsDeclaredAndLifted() {
        fixture.given(new HolidayDeclared("gulf", DAY, Map.of("en", "Local day"), "admin", T))
                .when(new LiftHoliday("calendar:gulf", "gulf", DAY, "admin", T))
                .expectEvents(new HolidayLifted("gulf", DAY, "admin", T));
    }

    @Test
    void declaringTheSameHolidayTwiceRecordsItOnce() {
        fixture.given(new HolidayDeclared("gulf", DAY, Map.of("en", "Local day"), "admin", T))
                .when(new DeclareHoliday("calendar:gulf", "gulf", DAY, Map.of("en", "Local day"), "admin", T))
                .expectNoEvents();
    }

    static SlotTemplate.Rule rule(Set<DayOfWeek> days, int fromHour, int untilHour, int capacity) {
        return new SlotTemplate.Rule(days, LocalTime.of(fromHour, 0), LocalTime.of(untilHour, 0), 15, capacity);
    }

    @Test
    void aRuleRepeatedToAddUpSeatsIsRefused() {
        // the probe's 2,000 copies of a 1,000-seat rule: every slot would have held 2,000,000 seats
        List<SlotTemplate.Rule> copies =
                Collections.nCopies(2000, rule(Set.of(DayOfWeek.SATURDAY), 8, 12, SlotTemplate.MAX_CAPACITY));
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate("calendar:gulf", "gulf", "res", new SlotTemplate(copies), "admin", T))
                .expectNoEvents()
                .expectException(invalid(CommonRefusal.TOO_MANY_ITEMS, "/rules"));
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate(
                        "calendar:gulf", "gulf", "res", new SlotTemplate(copies.subList(0, 2)), "admin", T))
                .expectNoEvents()
                .expectException(invalid(BookingRefusal.DUPLICATE_SLOT_RULE, "/rules/1"));
    }

    @Test
    void rulesOverlappingOnASharedWeekdayAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate(
                        "calendar:gulf",
                        "gulf",
                        "res",
                        new SlotTemplate(List.of(
                                rule(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 8, 12, 600),
                                rule(Set.of(DayOfWeek.MONDAY), 8, 12, 600),
                                rule(Set.of(DayOfWeek.SUNDAY), 11, 13, 600))),
                        "admin",
                        T))
                .expectNoEvents()
                .expectException(invalid(BookingRefusal.OVERLAPPING_SLOT_RULES, "/rules/2"));
    }

    @Test
    void rulesMeetingEndToEndOrOnOtherDaysArePublished() {
        SlotTemplate adjoining = new SlotTemplate(List.of(
                rule(Set.of(DayOfWeek.SATURDAY), 8, 12, 1000),
                rule(Set.of(DayOfWeek.SATURDAY), 12, 14, 1000),
                rule(Set.of(DayOfWeek.SUNDAY), 8, 12, 1000)));
        fixture.givenNoPriorActivity()
                .when(new PublishSlotTemplate("calendar:gulf", "gulf", "res", adjoining, "admin", T))
                .expectEvents(SlotTemplatePublished.of("gulf", "res", adjoining, "admin", T));
    }

    @Test
    void aHolidayNamedInAnUnknownLanguageOrBlankIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DeclareHoliday("calendar:gulf", "gulf", DAY, Map.of("de", "Tag"), "admin", T))
                .expectNoEvents()
                .expectException(invalid(CommonRefusal.UNKNOWN_LANGUAGE, "/names"));
        fixture.givenNoPriorActivity()
                .when(new DeclareHoliday("calendar:gulf", "gulf", DAY, Map.of("fa", " "), "admin", T))
                .expectNoEvents()
                .expectException(invalid(BookingRefusal.HOLIDAY_NAME_LENGTH, "/names/fa"));
    }
}
