package app.nobat.booking.domain;

import static app.nobat.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.domain.DayBookCommand.*;
import app.nobat.booking.domain.DayBookEvent.*;
import app.nobat.common.CommonRefusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given-when-then fixtures for every rule of a day book. */
class DayBookFixtureTest {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final LocalDate SATURDAY = LocalDate.parse("2026-12-05");
    static final String DAY = "gulf:res:2026-12-05";
    static final String OTHER_DAY = "gulf:res:2026-12-06";
    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime QUARTER_PAST = LocalTime.of(9, 15);
    static final LocalTime HALF_PAST = LocalTime.of(9, 30);
    /** 09:00 Tehran on the day = 05:30 UTC. */
    static final Instant NINE_AT = SATURDAY.atTime(NINE).atZone(TEHRAN).toInstant();

    static final Instant DAY_BEFORE = NINE_AT.minus(Duration.ofDays(1));
    static final CheckInWindow WINDOW = new CheckInWindow(Duration.ofMinutes(30), Duration.ofMinutes(15));
    static final SlotTemplate TEMPLATE = new SlotTemplate(List.of(
            new SlotTemplate.Rule(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), NINE, LocalTime.of(9, 45), 15, 2)));
    static final List<DayPlan.Opening> OPEN = List.of(new DayPlan.Opening(LocalTime.of(7, 30), LocalTime.of(14, 30)));

    FixtureConfiguration<DayBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DayBook.class);
        fixture.registerInjectableResource((DayPlanSource) id -> {
            if (!id.serviceCode().equals("res")) {
                throw CommonRefusal.UNKNOWN_SERVICE.with("service", id.serviceCode());
            }
            String holiday = id.date().equals(LocalDate.parse("2026-12-07")) ? "Test holiday" : null;
            List<DayPlan.Opening> openings = id.date().getDayOfWeek() == DayOfWeek.FRIDAY ? List.of() : OPEN;
            return DayPlan.of(id.date(), TEHRAN, openings, TEMPLATE, holiday, WINDOW, 60);
        });
    }

    static AppointmentBooked booked(String code, LocalTime slot) {
        return new AppointmentBooked(
                DAY,
                code,
                slot,
                SATURDAY.atTime(slot).atZone(TEHRAN).toInstant(),
                "ref-" + code,
                "guard-" + code,
                null,
                DAY_BEFORE);
    }

    static BookSeat book(String code, LocalTime slot, Instant at) {
        return new BookSeat(DAY, code, slot, "ref-" + code, "guard-" + code, null, at);
    }

    @Nested
    class Booking {
        @Test
        void aFreeSeatIsBookedWithOnlyTheVisitorReference() {
            fixture.givenNoPriorActivity()
                    .when(book("AAAA-2222", NINE, DAY_BEFORE))
                    .expectEvents(booked("AAAA-2222", NINE))
                    .expectResultMessagePayloadMatching(Matchers.hasToString(Matchers.containsString("status=BOOKED")));
        }

        @Test
        void aRepeatOfTheSameBookingAnswersTheSameSeat() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(book("AAAA-2222", NINE, DAY_BEFORE))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theSameCodeForAnotherSlotIsRefused() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(book("AAAA-2222", QUARTER_PAST, DAY_BEFORE))
                    .expectException(refused(BookingRefusal.CODE_IN_USE))
                    .expectExceptionMessage(Matchers.containsString("already used"));
        }

        @Test
        void aFullSlotIsNeverBookedBeyondItsCapacity() {
            fixture.given(booked("AAAA-2222", NINE), booked("BBBB-2222", NINE))
                    .when(book("CCCC-2222", NINE, DAY_BEFORE))
                    .expectException(refused(BookingRefusal.SLOT_FULL))
                    .expectExceptionMessage(Matchers.containsString("is full"));
        }

        @Test
        void aTimeThatIsNotASlotIsRefusedAndTheSlotsAreNamed() {
            fixture.givenNoPriorActivity()
                    .when(book("AAAA-2222", LocalTime.of(15, 0), DAY_BEFORE))
                    .expectException(refused(BookingRefusal.SLOT_UNKNOWN))
                    .expectExceptionMessage(Matchers.containsString("slots start at [09:00, 09:15, 09:30]"));
        }

        @Test
        void slotsOutsideOpeningHoursAreNotOffered() {
            DayPlan plan = DayPlan.of(
                    SATURDAY,
                    TEHRAN,
                    List.of(new DayPlan.Opening(LocalTime.of(9, 10), LocalTime.of(9, 40))),
                    TEMPLATE,
                    null,
                    WINDOW,
                    60);
            assertThat(plan.capacities().keySet()).containsExactly(QUARTER_PAST);
        }

        @Test
        void anOpenDayWithoutSlotsTakesWalkInsOnlyAClosedOneNothing() {
            LocalDate monday = SATURDAY.plusDays(2); // open, but the template offers Saturdays and Sundays only
            DayPlan open = DayPlan.of(monday, TEHRAN, OPEN, TEMPLATE, null, WINDOW, 60);
            DayPlan closed = DayPlan.of(monday, TEHRAN, List.of(), TEMPLATE, null, WINDOW, 60);
            DayPlan holiday = DayPlan.of(monday, TEHRAN, OPEN, TEMPLATE, "Test holiday", WINDOW, 60);

            assertThat(open.capacities()).isEmpty();
            assertThat(open.walkInsOnly()).isTrue();
            assertThat(closed.walkInsOnly()).isFalse();
            assertThat(holiday.walkInsOnly()).isFalse();
            assertThat(DayPlan.of(SATURDAY, TEHRAN, OPEN, TEMPLATE, null, WINDOW, 60)
                            .walkInsOnly())
                    .isFalse();
        }

        @Test
        void aHolidayHasNoSlots() {
            fixture.givenNoPriorActivity()
                    .when(new BookSeat("gulf:res:2026-12-07", "AAAA-2222", NINE, "r", "g", null, DAY_BEFORE))
                    .expectException(refused(BookingRefusal.HOLIDAY))
                    .expectExceptionMessage(Matchers.containsString("holiday: Test holiday"));
        }

        @Test
        void aDayTheCentreIsClosedHasNoSlots() {
            fixture.givenNoPriorActivity()
                    .when(new BookSeat(
                            "gulf:res:2026-12-04",
                            "AAAA-2222",
                            NINE,
                            "r",
                            "g",
                            null,
                            DAY_BEFORE.minus(Duration.ofDays(1))))
                    .expectException(refused(BookingRefusal.NO_SLOTS))
                    .expectExceptionMessage(Matchers.containsString("closed on FRIDAY"));
        }

        @Test
        void aSlotThatHasStartedIsNoLongerSold() {
            fixture.givenNoPriorActivity()
                    .when(book("AAAA-2222", NINE, NINE_AT))
                    .expectException(refused(BookingRefusal.SLOT_STARTED))
                    .expectExceptionMessage(Matchers.containsString("already started"));
        }

        @Test
        void aDateBeyondTheHorizonIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(book("AAAA-2222", NINE, NINE_AT.minus(Duration.ofDays(61))))
                    .expectException(refused(BookingRefusal.BEYOND_HORIZON))
                    .expectExceptionMessage(Matchers.containsString("60 days ahead"));
        }

        @Test
        void anUnknownServiceIsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new BookSeat("gulf:nope:2026-12-05", "AAAA-2222", NINE, "r", "g", null, DAY_BEFORE))
                    .expectException(refused(CommonRefusal.UNKNOWN_SERVICE));
        }

        @Test
        void aCodeGivenUpWhileInFlightCanNoLongerTakeASeat() {
            fixture.given(new BookingAbandoned(DAY, "AAAA-2222", DAY_BEFORE))
                    .when(book("AAAA-2222", NINE, DAY_BEFORE))
                    .expectException(refused(BookingRefusal.BOOKING_ABANDONED))
                    .expectExceptionMessage(Matchers.containsString("given up"));
        }
    }

    @Nested
    class Cancelling {
        @Test
        void cancellingGivesTheSeatBack() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", NINE),
                            new AppointmentCancelled(DAY, "AAAA-2222", NINE, CancelReason.VISITOR, DAY_BEFORE))
                    .when(book("CCCC-2222", NINE, DAY_BEFORE))
                    .expectEvents(booked("CCCC-2222", NINE));
        }

        @Test
        void aSecondCancelGivesNothingBackTwice() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            new AppointmentCancelled(DAY, "AAAA-2222", NINE, CancelReason.VISITOR, DAY_BEFORE))
                    .when(new CancelAppointment(DAY, "AAAA-2222", CancelReason.VISITOR, DAY_BEFORE))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCheckedInAppointmentCannotBeCancelled() {
            fixture.given(booked("AAAA-2222", NINE), new AppointmentCheckedIn(DAY, "AAAA-2222", "v1", NINE_AT))
                    .when(new CancelAppointment(DAY, "AAAA-2222", CancelReason.VISITOR, NINE_AT))
                    .expectException(refused(BookingRefusal.APPOINTMENT_ENDED))
                    .expectExceptionMessage(Matchers.containsString("checked in"));
        }

        @Test
        void anUnknownCodeIsUnknown() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new CancelAppointment(DAY, "ZZZZ-2222", CancelReason.VISITOR, DAY_BEFORE))
                    .expectException(refused(BookingRefusal.UNKNOWN_APPOINTMENT));
        }
    }

    @Nested
    class Moving {
        @Test
        void withinTheDayToAFreeSlot() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new MoveWithinDay(DAY, "AAAA-2222", QUARTER_PAST, DAY_BEFORE))
                    .expectEvents(new AppointmentMoved(
                            DAY,
                            "AAAA-2222",
                            NINE,
                            QUARTER_PAST,
                            SATURDAY.atTime(QUARTER_PAST).atZone(TEHRAN).toInstant(),
                            DAY_BEFORE));
        }

        @Test
        void notIntoAFullSlot() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", QUARTER_PAST),
                            booked("CCCC-2222", QUARTER_PAST))
                    .when(new MoveWithinDay(DAY, "AAAA-2222", QUARTER_PAST, DAY_BEFORE))
                    .expectException(refused(BookingRefusal.SLOT_FULL));
        }

        @Test
        void aMovedSeatIsFreeForOthers() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", NINE),
                            new AppointmentMoved(DAY, "AAAA-2222", NINE, QUARTER_PAST, NINE_AT, DAY_BEFORE))
                    .when(book("CCCC-2222", NINE, DAY_BEFORE))
                    .expectEvents(booked("CCCC-2222", NINE));
        }

        @Test
        void notOnceItsSlotHasStarted() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new MoveWithinDay(DAY, "AAAA-2222", HALF_PAST, NINE_AT.plusSeconds(60)))
                    .expectException(refused(BookingRefusal.SLOT_STARTED))
                    .expectExceptionMessage(Matchers.containsString("already started"));
        }

        @Test
        void outToAnotherDayGivesTheSeatBackOnceAndSaysWhere() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", NINE),
                            new AppointmentMovedOut(DAY, "AAAA-2222", NINE, OTHER_DAY, DAY_BEFORE))
                    .when(new MoveOut(DAY, "AAAA-2222", OTHER_DAY, DAY_BEFORE))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(
                            Matchers.hasToString(Matchers.containsString("movedTo=" + OTHER_DAY)));
        }

        @Test
        void outRecordsTheMove() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new MoveOut(DAY, "AAAA-2222", OTHER_DAY, DAY_BEFORE))
                    .expectEvents(new AppointmentMovedOut(DAY, "AAAA-2222", NINE, OTHER_DAY, DAY_BEFORE));
        }

        @Test
        void anAppointmentThatMovedAwayMayComeBack() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            new AppointmentMovedOut(DAY, "AAAA-2222", NINE, OTHER_DAY, DAY_BEFORE))
                    .when(new BookSeat(
                            DAY, "AAAA-2222", HALF_PAST, "ref-AAAA-2222", "guard-AAAA-2222", OTHER_DAY, DAY_BEFORE))
                    .expectEvents(new AppointmentBooked(
                            DAY,
                            "AAAA-2222",
                            HALF_PAST,
                            SATURDAY.atTime(HALF_PAST).atZone(TEHRAN).toInstant(),
                            "ref-AAAA-2222",
                            "guard-AAAA-2222",
                            OTHER_DAY,
                            DAY_BEFORE));
        }
    }

    @Nested
    class CheckingIn {
        @Test
        void insideTheWindowStartsTheVisit() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new CheckIn(DAY, "AAAA-2222", "v1", NINE_AT.minus(Duration.ofMinutes(20))))
                    .expectEvents(
                            new AppointmentCheckedIn(DAY, "AAAA-2222", "v1", NINE_AT.minus(Duration.ofMinutes(20))));
        }

        @Test
        void aRepeatNamesTheFirstVisit() {
            fixture.given(booked("AAAA-2222", NINE), new AppointmentCheckedIn(DAY, "AAAA-2222", "v1", NINE_AT))
                    .when(new CheckIn(DAY, "AAAA-2222", "v2", NINE_AT.plusSeconds(30)))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(Matchers.hasToString(Matchers.containsString("visitId=v1")));
        }

        @Test
        void tooEarlySaysWhenTheWindowOpens() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new CheckIn(DAY, "AAAA-2222", "v1", NINE_AT.minus(Duration.ofMinutes(31))))
                    .expectException(refused(BookingRefusal.CHECK_IN_TOO_EARLY))
                    .expectExceptionMessage(
                            Matchers.containsString("opens at " + NINE_AT.minus(Duration.ofMinutes(30))));
        }

        @Test
        void tooLateOffersAWalkInTicket() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new CheckIn(DAY, "AAAA-2222", "v1", NINE_AT.plus(Duration.ofMinutes(16))))
                    .expectException(refused(BookingRefusal.CHECK_IN_TOO_LATE))
                    .expectExceptionMessage(Matchers.containsString("walk-in ticket"));
        }

        @Test
        void theLastMinuteOfTheWindowStillCounts() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new CheckIn(DAY, "AAAA-2222", "v1", NINE_AT.plus(Duration.ofMinutes(15))))
                    .expectEvents(
                            new AppointmentCheckedIn(DAY, "AAAA-2222", "v1", NINE_AT.plus(Duration.ofMinutes(15))));
        }

        @Test
        void aMissedAppointmentCannotCheckIn() {
            fixture.given(booked("AAAA-2222", NINE), new AppointmentMissed(DAY, "AAAA-2222", NINE_AT.plusSeconds(3600)))
                    .when(new CheckIn(DAY, "AAAA-2222", "v1", NINE_AT))
                    .expectException(refused(BookingRefusal.CHECK_IN_TOO_LATE));
        }

        @Test
        void aCancelledAppointmentCannotCheckIn() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            new AppointmentCancelled(DAY, "AAAA-2222", NINE, CancelReason.VISITOR, DAY_BEFORE))
                    .when(new CheckIn(DAY, "AAAA-2222", "v1", NINE_AT))
                    .expectException(refused(BookingRefusal.APPOINTMENT_ENDED))
                    .expectExceptionMessage(Matchers.containsString("cancelled"));
        }
    }

    @Nested
    class MissedAndReminders {
        @Test
        void onlyAppointmentsPastTheirWindowAreMarkedMissed() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", NINE),
                            booked("CCCC-2222", HALF_PAST),
                            new AppointmentCheckedIn(DAY, "BBBB-2222", "v1", NINE_AT))
                    .when(new MarkMissed(DAY, NINE_AT.plus(Duration.ofMinutes(16))))
                    .expectEvents(new AppointmentMissed(DAY, "AAAA-2222", NINE_AT.plus(Duration.ofMinutes(16))))
                    .expectResultMessagePayload(1);
        }

        @Test
        void aMissedSeatIsNotSoldAgain() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", NINE),
                            new AppointmentMissed(DAY, "AAAA-2222", NINE_AT.plus(Duration.ofMinutes(16))))
                    .when(book("CCCC-2222", NINE, NINE_AT.plus(Duration.ofMinutes(17))))
                    .expectException(refused(BookingRefusal.SLOT_STARTED));
        }

        @Test
        void aReminderIsDueOnceWithinTheLead() {
            Instant at = NINE_AT.minus(Duration.ofHours(2));
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", NINE),
                            new AppointmentReminderDue(DAY, "BBBB-2222", "ref-BBBB-2222", NINE_AT, at))
                    .when(new MarkRemindersDue(DAY, Duration.ofHours(3), at))
                    .expectEvents(new AppointmentReminderDue(DAY, "AAAA-2222", "ref-AAAA-2222", NINE_AT, at));
        }

        @Test
        void noReminderBeforeTheLead() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new MarkRemindersDue(DAY, Duration.ofHours(3), NINE_AT.minus(Duration.ofHours(4))))
                    .expectNoEvents();
        }
    }

    @Nested
    class Settling {
        @Test
        void aCodeThatNeverArrivedIsClosedForGood() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new Settle(DAY, "ZZZZ-2222", DAY_BEFORE))
                    .expectEvents(new BookingAbandoned(DAY, "ZZZZ-2222", DAY_BEFORE))
                    .expectResultMessagePayload(new SettleAnswer(SettleAnswer.Outcome.ENDED, null));
        }

        @Test
        void aCodeSettledOnADayNobodyBookedOpensTheDayBookToCloseIt() {
            fixture.givenNoPriorActivity()
                    .when(new Settle(DAY, "ZZZZ-2222", DAY_BEFORE))
                    .expectEvents(new BookingAbandoned(DAY, "ZZZZ-2222", DAY_BEFORE));
        }

        @Test
        void aBookedCodeIsActive() {
            fixture.given(booked("AAAA-2222", NINE))
                    .when(new Settle(DAY, "AAAA-2222", DAY_BEFORE))
                    .expectNoEvents()
                    .expectResultMessagePayload(new SettleAnswer(SettleAnswer.Outcome.ACTIVE, null));
        }

        @Test
        void aMovedCodeSaysWhere() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            new AppointmentMovedOut(DAY, "AAAA-2222", NINE, OTHER_DAY, DAY_BEFORE))
                    .when(new Settle(DAY, "AAAA-2222", DAY_BEFORE))
                    .expectResultMessagePayload(new SettleAnswer(SettleAnswer.Outcome.MOVED, OTHER_DAY));
        }

        @Test
        void theDayReadsSeatsAndCountsWithoutPersonalData() {
            fixture.given(
                            booked("AAAA-2222", NINE),
                            booked("BBBB-2222", QUARTER_PAST),
                            new AppointmentCancelled(DAY, "BBBB-2222", QUARTER_PAST, CancelReason.VISITOR, DAY_BEFORE))
                    .when(new ReadDay(DAY))
                    .expectResultMessagePayloadMatching(Matchers.allOf(
                            Matchers.hasToString(Matchers.containsString("taken={09:00=1, 09:15=0}")),
                            Matchers.hasToString(Matchers.containsString("counts={BOOKED=1, CANCELLED=1}"))));
        }
    }

    @Test
    void theSeatsTakenAreReadPerSlot() {
        fixture.given(booked("AAAA-2222", NINE), booked("BBBB-2222", NINE))
                .when(new ReadSeats(DAY))
                .expectResultMessagePayload(Map.of(NINE, 2));
    }
}
