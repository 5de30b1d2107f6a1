package app.nobat.floor.domain;

import static app.nobat.common.Refusals.invalid;
import static app.nobat.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.common.Actor;
import app.nobat.common.CommonRefusal;
import app.nobat.floor.domain.FloorCommand.*;
import app.nobat.floor.domain.FloorEvent.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given-when-then fixtures for every rule of the floor. */
class FloorFixtureTest {

    static final String FLOOR = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "work", "B", "id", "C"),
            Map.of("d1", Set.of("res", "work"), "d2", Set.of("id"), "d3", Set.of("res", "work", "id")),
            new QueuePolicySettings(Map.of(PriorityClass.ELDERLY, 2.0, PriorityClass.MEDICAL_REFERRAL, 3.0), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);

    /** Metadata of commands sent by desk staff member staff-1 (and others), as the web layer attaches it. */
    static final Map<String, Object> STAFF_1 = Map.of(Actor.ID_KEY, "staff-1", Actor.ROLE_KEY, "DESK");

    static final Map<String, Object> STAFF_2 = Map.of(Actor.ID_KEY, "staff-2", Actor.ROLE_KEY, "DESK");
    static final Map<String, Object> SUPERVISOR = Map.of(Actor.ID_KEY, "boss", Actor.ROLE_KEY, "SUPERVISOR");

    FixtureConfiguration<Floor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Floor.class);
        fixture.registerInjectableResource((FloorSettingsSource) centreId -> {
            if (!centreId.equals("gulf")) {
                throw CommonRefusal.UNKNOWN_CENTRE.with("centre", centreId);
            }
            return SETTINGS;
        });
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static String v(int n) {
        return FLOOR + ":v" + n;
    }

    static FloorStarted started() {
        return FloorStarted.of(FLOOR, "gulf", "2026-11-29", SETTINGS, T0);
    }

    static VisitArrived arrived(int n, String service, String ticket, int number, PriorityClass cls, int minute) {
        return arrived(n, service, ticket, number, cls, minute, null, null);
    }

    static VisitArrived arrived(
            int n,
            String service,
            String ticket,
            int number,
            PriorityClass cls,
            int minute,
            String requestId,
            String appointmentRef) {
        return new VisitArrived(
                FLOOR,
                v(n),
                requestId,
                service,
                ticket,
                number,
                cls,
                appointmentRef,
                "tok" + n,
                at(minute),
                null,
                at(minute));
    }

    static RegisterWalkIn arrive(int n, String service, PriorityClass cls, int minute) {
        return new RegisterWalkIn(FLOOR, v(n), null, service, cls, "tok" + n, at(minute));
    }

    static DeskOpened opened(String desk, String... services) {
        return new DeskOpened(FLOOR, desk, Set.of(services), "staff-1", T0);
    }

    static CallReason reason(PriorityClass cls, double waited, double weight, double score, boolean cap) {
        return new CallReason(cls, waited, weight, 0.0, score, cap);
    }

    @Nested
    class Numbering {
        @Test
        void firstArrivalStartsTheFloorAndTakesNumberOne() {
            fixture.givenNoPriorActivity()
                    .when(arrive(1, "res", PriorityClass.NONE, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .expectResultMessagePayload(
                            new ArrivalAnswer(v(1), "A-001", "res", PriorityClass.NONE, "tok1", at(0), 1));
        }

        @Test
        void numbersAreSequentialPerService() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "work", "B-001", 1, PriorityClass.NONE, 1))
                    .when(arrive(3, "res", PriorityClass.ELDERLY, 2))
                    .expectEvents(arrived(3, "res", "A-002", 2, PriorityClass.ELDERLY, 2))
                    .expectResultMessagePayload(
                            new ArrivalAnswer(v(3), "A-002", "res", PriorityClass.ELDERLY, "tok3", at(2), 2));
        }

        @Test
        void aRepeatedArrivalRequestReturnsTheFirstTicket() {
            VisitArrived first = arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0, "kiosk-req-1", null);
            fixture.given(started(), first)
                    .when(new RegisterWalkIn(FLOOR, v(9), "kiosk-req-1", "res", PriorityClass.NONE, "tok9", at(1)))
                    .expectNoEvents()
                    .expectResultMessagePayload(
                            new ArrivalAnswer(v(1), "A-001", "res", PriorityClass.NONE, "tok1", at(0), 1));
        }

        @Test
        void aRequestIdReusedForAnotherArrivalIsRefused() {
            VisitArrived first = arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0, "kiosk-req-1", null);
            fixture.given(started(), first)
                    .when(new RegisterWalkIn(FLOOR, v(9), "kiosk-req-1", "work", PriorityClass.NONE, "tok9", at(1)))
                    .expectNoEvents()
                    .expectException(refused(FloorRefusal.REQUEST_ID_REUSED));
            fixture.given(started(), first)
                    .when(new RegisterWalkIn(FLOOR, v(9), "kiosk-req-1", "res", PriorityClass.ELDERLY, "tok9", at(1)))
                    .expectException(refused(FloorRefusal.REQUEST_ID_REUSED));
        }

        @Test
        void anAppointmentCheckInIsStoredUnderTheAppointmentAsItsRequestId() {
            fixture.given(started())
                    .when(new CheckInAppointment(FLOOR, v(1), "R-77", "res", PriorityClass.NONE, "tok1", at(0)))
                    .expectEvents(arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0, "appointment:R-77", "R-77"));
        }

        @Test
        void aRepeatedCheckInReturnsTheFirstTicket() {
            VisitArrived first = arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0, "appointment:R-77", "R-77");
            fixture.given(started(), first)
                    .when(new CheckInAppointment(FLOOR, v(1), "R-77", "res", PriorityClass.NONE, "tok9", at(3)))
                    .expectNoEvents()
                    .expectResultMessagePayload(
                            new ArrivalAnswer(v(1), "A-001", "res", PriorityClass.NONE, "tok1", at(0), 1));
        }

        @Test
        void unknownServiceIsRefused() {
            fixture.given(started())
                    .when(arrive(1, "nope", PriorityClass.NONE, 0))
                    .expectException(refused(CommonRefusal.UNKNOWN_SERVICE));
        }

        @Test
        void unknownCentreIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWalkIn(
                            "nowhere:2026-11-29", "nowhere:2026-11-29:v1", null, "res", PriorityClass.NONE, "t", T0))
                    .expectException(refused(CommonRefusal.UNKNOWN_CENTRE));
        }

        @Test
        void aTransferTakesTheNextNumberOfTheTargetService() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "id", "C-001", 1, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(1),
                                    "A-001",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.NONE, 1, 1, 1, false),
                                    at(1)),
                            new ServiceStarted(FLOOR, "d1", v(1), at(2)))
                    .when(new Transfer(FLOOR, v(1), "id", at(5)))
                    .expectEvents(new VisitTransferred(FLOOR, "d1", v(1), "res", "id", "C-002", 2, at(5)));
        }
    }

    @Nested
    class DeskHolders {
        final TicketCalled called = new TicketCalled(
                FLOOR, "d1", v(1), "A-001", "res", "c1", reason(PriorityClass.NONE, 1, 1, 1, false), at(1));

        @Test
        void deskStaffCannotWorkADeskSomeoneElseOpened() {
            for (Object cmd : List.of(
                    new PauseDesk(FLOOR, "d1", at(1)),
                    new CloseDesk(FLOOR, "d1", at(1)),
                    new CallNext(FLOOR, "d1", "c9", at(1)))) {
                fixture.given(started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                        .when(cmd, STAFF_2)
                        .expectException(refused(FloorRefusal.NOT_YOUR_DESK))
                        .expectExceptionMessage("Desk d1 was opened by another staff member; "
                                + "desk staff act only at a desk they opened");
            }
            fixture.given(started(), opened("d1", "res"), new DeskPaused(FLOOR, "d1", at(1)))
                    .when(new ResumeDesk(FLOOR, "d1", at(2)), STAFF_2)
                    .expectException(refused(FloorRefusal.NOT_YOUR_DESK));
        }

        @Test
        void deskStaffCannotActOnAVisitCalledToSomeoneElsesDesk() {
            var given = List.of(
                    started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0), called);
            for (Object cmd : List.of(
                    new Recall(FLOOR, v(1), at(2)),
                    new StartService(FLOOR, v(1), at(2)),
                    new MarkNoShow(FLOOR, v(1), at(2)),
                    new CancelVisit(FLOOR, v(1), null, at(2)))) {
                fixture.given(given.toArray()).when(cmd, STAFF_2).expectException(refused(FloorRefusal.NOT_YOUR_DESK));
            }
            var inService = List.of(
                    started(),
                    opened("d1", "res"),
                    arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                    called,
                    new ServiceStarted(FLOOR, "d1", v(1), at(2)));
            for (Object cmd :
                    List.of(new CompleteService(FLOOR, v(1), at(3)), new Transfer(FLOOR, v(1), "work", at(3)))) {
                fixture.given(inService.toArray())
                        .when(cmd, STAFF_2)
                        .expectException(refused(FloorRefusal.NOT_YOUR_DESK));
            }
        }

        @Test
        void theHolderWorksTheDesk() {
            fixture.given(started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CallNext(FLOOR, "d1", "c1", at(1)), STAFF_1)
                    .expectEvents(called);
            fixture.given(started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0), called)
                    .when(new StartService(FLOOR, v(1), at(2)), STAFF_1)
                    .expectEvents(new ServiceStarted(FLOOR, "d1", v(1), at(2)));
        }

        @Test
        void aSupervisorOrTheSystemMayActAtAnyDesk() {
            fixture.given(started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CallNext(FLOOR, "d1", "c1", at(1)), SUPERVISOR)
                    .expectEvents(called);
            fixture.given(started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0), called)
                    .when(new StartService(FLOOR, v(1), at(2)))
                    .expectEvents(new ServiceStarted(FLOOR, "d1", v(1), at(2)));
        }

        @Test
        void aSupervisorPausesOrClosesADeskLeftOpenAndTheReasonIsRecorded() {
            fixture.given(started(), opened("d1", "res"))
                    .when(new PauseDesk(FLOOR, "d1", at(1), "left open over lunch"), SUPERVISOR)
                    .expectEvents(new DeskPaused(FLOOR, "d1", at(1), "left open over lunch"));
            fixture.given(started(), opened("d1", "res"), new DeskPaused(FLOOR, "d1", at(1), "left open over lunch"))
                    .when(new CloseDesk(FLOOR, "d1", at(2), "clerk went home"), SUPERVISOR)
                    .expectEvents(new DeskClosed(FLOOR, "d1", at(2), "clerk went home"));
        }

        @Test
        void anyStaffMayCancelAWaitingVisitWhichIsAtNoDesk() {
            fixture.given(started(), opened("d1", "res"), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CancelVisit(FLOOR, v(1), null, at(1)), STAFF_2)
                    .expectEvents(new VisitCancelled(FLOOR, null, v(1), "visitor left", at(1)));
        }

        @Test
        void theOpenerIsRecordedAsTheHolder() {
            fixture.given(started())
                    .when(new OpenDesk(FLOOR, "d2", Set.of(), T0), STAFF_2)
                    .expectEvents(new DeskOpened(FLOOR, "d2", Set.of("id"), "staff-2", T0));
        }

        @Test
        void deskStaffHoldOneDeskAtATime() {
            fixture.given(started(), opened("d1", "res"))
                    .when(new OpenDesk(FLOOR, "d2", Set.of(), at(1)), STAFF_1)
                    .expectException(refused(FloorRefusal.STAFF_AT_ANOTHER_DESK))
                    .expectExceptionMessage("You already hold desk d1; close it before opening desk d2");
            fixture.given(started(), opened("d1", "res"), new DeskClosed(FLOOR, "d1", at(1)))
                    .when(new OpenDesk(FLOOR, "d2", Set.of(), at(2)), STAFF_1)
                    .expectEvents(new DeskOpened(FLOOR, "d2", Set.of("id"), "staff-1", at(2)));
        }

        @Test
        void aDeskOpenedWithoutAKnownHolderIsAnyones() {
            fixture.given(
                            started(),
                            new DeskOpened(FLOOR, "d1", Set.of("res"), null, T0),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CallNext(FLOOR, "d1", "c1", at(1)), STAFF_2)
                    .expectEvents(called);
        }
    }

    @Nested
    class Desks {
        @Test
        void openWithAllItsServicesByDefault() {
            fixture.given(started())
                    .when(new OpenDesk(FLOOR, "d1", Set.of(), T0), STAFF_1)
                    .expectEvents(opened("d1", "res", "work"));
        }

        @Test
        void openOnAFreshFloorStartsIt() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDesk(FLOOR, "d2", Set.of("id"), T0), STAFF_1)
                    .expectEvents(started(), opened("d2", "id"));
        }

        @Test
        void cannotOpenWithAServiceTheDeskDoesNotServe() {
            fixture.given(started())
                    .when(new OpenDesk(FLOOR, "d2", Set.of("res"), T0), STAFF_1)
                    .expectException(refused(FloorRefusal.SERVICE_NOT_AT_DESK))
                    .expectExceptionMessage("Desk d2 does not serve res; it serves [id]");
        }

        @Test
        void cannotOpenTwice() {
            fixture.given(started(), opened("d1", "res"))
                    .when(new OpenDesk(FLOOR, "d1", Set.of("res"), T0), STAFF_1)
                    .expectException(refused(FloorRefusal.DESK_OPEN));
        }

        @Test
        void unknownDeskIsRefused() {
            fixture.given(started())
                    .when(new OpenDesk(FLOOR, "d99", Set.of(), T0), STAFF_1)
                    .expectException(refused(FloorRefusal.UNKNOWN_DESK));
        }

        @Test
        void pauseResumeClose() {
            fixture.given(started(), opened("d1", "res"))
                    .when(new PauseDesk(FLOOR, "d1", at(1)))
                    .expectEvents(new DeskPaused(FLOOR, "d1", at(1)));
            fixture.given(started(), opened("d1", "res"), new DeskPaused(FLOOR, "d1", at(1)))
                    .when(new ResumeDesk(FLOOR, "d1", at(2)))
                    .expectEvents(new DeskResumed(FLOOR, "d1", at(2)));
            fixture.given(started(), opened("d1", "res"))
                    .when(new CloseDesk(FLOOR, "d1", at(2)))
                    .expectEvents(new DeskClosed(FLOOR, "d1", at(2)));
        }

        @Test
        void resumeOfADeskThatIsNotPausedIsRefused() {
            fixture.given(started(), opened("d1", "res"))
                    .when(new ResumeDesk(FLOOR, "d1", at(2)))
                    .expectException(refused(FloorRefusal.DESK_NOT_PAUSED));
        }

        @Test
        void pausedDeskCannotCall() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            new DeskPaused(FLOOR, "d1", at(1)))
                    .when(new CallNext(FLOOR, "d1", "r1", at(2)))
                    .expectException(refused(FloorRefusal.DESK_PAUSED))
                    .expectExceptionMessage("Desk d1 is paused; resume it first");
        }

        @Test
        void closedDeskCannotCall() {
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CallNext(FLOOR, "d1", "r1", at(2)))
                    .expectException(refused(FloorRefusal.DESK_CLOSED))
                    .expectExceptionMessage("Desk d1 is not open");
        }

        @Test
        void busyDeskCannotClose() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(1),
                                    "A-001",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.NONE, 1, 1, 1, false),
                                    at(1)))
                    .when(new CloseDesk(FLOOR, "d1", at(2)))
                    .expectException(refused(FloorRefusal.DESK_BUSY));
        }
    }

    @Nested
    class Calling {
        @Test
        void callsTheLongestWaitingOfTheDesksServicesAndRecordsWhy() {
            fixture.given(
                            started(),
                            arrived(1, "id", "C-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "res", "A-001", 1, PriorityClass.NONE, 1),
                            arrived(3, "res", "A-002", 2, PriorityClass.NONE, 2),
                            opened("d1", "res", "work"))
                    .when(new CallNext(FLOOR, "d1", "r1", at(10)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(2),
                            "A-001",
                            "res",
                            "r1",
                            reason(PriorityClass.NONE, 9, 1, 9, false),
                            at(10)))
                    .expectResultMessagePayload(
                            new CallAnswer(v(2), "A-001", "res", "d1", reason(PriorityClass.NONE, 9, 1, 9, false)));
        }

        @Test
        void classWeightLetsAPriorityTicketOvertake() {
            // elderly waited 6 min × 2 = 12 beats regular 10 min × 1
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "res", "A-002", 2, PriorityClass.ELDERLY, 4),
                            opened("d1", "res"))
                    .when(new CallNext(FLOOR, "d1", "r1", at(10)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(2),
                            "A-002",
                            "res",
                            "r1",
                            reason(PriorityClass.ELDERLY, 6, 2, 12, false),
                            at(10)));
        }

        @Test
        void tiesGoByArrival() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 5),
                            arrived(2, "work", "B-001", 1, PriorityClass.NONE, 5),
                            opened("d1", "res", "work"))
                    .when(new CallNext(FLOOR, "d1", "r1", at(5)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(1),
                            "A-001",
                            "res",
                            "r1",
                            reason(PriorityClass.NONE, 0, 1, 0, false),
                            at(5)));
        }

        @Test
        void afterTheLimitOfPriorityCallsInARowARegularTicketIsCalled() {
            // limit is 2: after two elderly calls at d1 the regular ticket goes first despite a lower score
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "res", "A-002", 2, PriorityClass.ELDERLY, 1),
                            arrived(3, "res", "A-003", 3, PriorityClass.ELDERLY, 1),
                            arrived(4, "res", "A-004", 4, PriorityClass.ELDERLY, 1),
                            opened("d1", "res"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(2),
                                    "A-002",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.ELDERLY, 9, 2, 18, false),
                                    at(10)),
                            new VisitCompleted(FLOOR, "d1", v(2), at(11)),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(3),
                                    "A-003",
                                    "res",
                                    "r2",
                                    reason(PriorityClass.ELDERLY, 10, 2, 20, false),
                                    at(11)),
                            new VisitMarkedNoShow(FLOOR, "d1", v(3), at(12)))
                    .when(new CallNext(FLOOR, "d1", "r3", at(12)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(1),
                            "A-001",
                            "res",
                            "r3",
                            reason(PriorityClass.NONE, 12, 1, 12, true),
                            at(12)));
        }

        @Test
        void appointmentHoldersGetTheBoost() {
            VisitArrived booked = arrived(2, "res", "A-002", 2, PriorityClass.NONE, 9, null, "BK7");
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0), booked, opened("d1", "res"))
                    .when(new CallNext(FLOOR, "d1", "r1", at(10)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(2),
                            "A-002",
                            "res",
                            "r1",
                            new CallReason(PriorityClass.NONE, 1, 1, 30, 31, false),
                            at(10)));
        }

        @Test
        void aRepeatedRequestIdReturnsTheFirstAnswerAndCallsNoOneElse() {
            CallReason why = reason(PriorityClass.NONE, 1, 1, 1, false);
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "res", "A-002", 2, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            new TicketCalled(FLOOR, "d1", v(1), "A-001", "res", "r1", why, at(1)),
                            new VisitCompleted(FLOOR, "d1", v(1), at(2)))
                    .when(new CallNext(FLOOR, "d1", "r1", at(3)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CallAnswer(v(1), "A-001", "res", "d1", why));
        }

        @Test
        void aRequestIdOfAnotherDeskIsRefused() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            opened("d3", "res"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(1),
                                    "A-001",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.NONE, 1, 1, 1, false),
                                    at(1)))
                    .when(new CallNext(FLOOR, "d3", "r1", at(3)))
                    .expectException(refused(FloorRefusal.REQUEST_ID_REUSED));
        }

        @Test
        void aDeskWithACalledVisitCannotCallAgain() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "res", "A-002", 2, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(1),
                                    "A-001",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.NONE, 1, 1, 1, false),
                                    at(1)))
                    .when(new CallNext(FLOOR, "d1", "r2", at(2)))
                    .expectException(refused(FloorRefusal.DESK_BUSY))
                    .expectExceptionMessage(Matchers.startsWith("Desk d1 already has ticket A-001 called;"));
        }

        @Test
        void aDeskWithAVisitInServiceCannotCallAgain() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "res", "A-002", 2, PriorityClass.NONE, 0),
                            opened("d1", "res"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(1),
                                    "A-001",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.NONE, 1, 1, 1, false),
                                    at(1)),
                            new ServiceStarted(FLOOR, "d1", v(1), at(2)))
                    .when(new CallNext(FLOOR, "d1", "r2", at(3)))
                    .expectException(refused(FloorRefusal.DESK_BUSY))
                    .expectExceptionMessage(Matchers.startsWith("Desk d1 already has ticket A-001 in service;"));
        }

        @Test
        void emptyQueueIsAClearRefusal() {
            fixture.given(started(), arrived(1, "id", "C-001", 1, PriorityClass.NONE, 0), opened("d1", "res"))
                    .when(new CallNext(FLOOR, "d1", "r1", at(1)))
                    .expectException(refused(FloorRefusal.QUEUE_EMPTY))
                    .expectExceptionMessage("No ticket is waiting for the services of desk d1");
        }

        @Test
        void callNextNeedsARequestId() {
            fixture.given(started(), opened("d1", "res"))
                    .when(new CallNext(FLOOR, "d1", " ", at(1)))
                    .expectException(refused(FloorRefusal.REQUEST_ID_REQUIRED));
        }

        @Test
        void aTransferredVisitKeepsItsArrivalTime() {
            // v1 arrived at 0 in res, transferred to work at 20; v2 arrived in work at 5: v1 still goes first
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            arrived(2, "work", "B-001", 1, PriorityClass.NONE, 5),
                            opened("d1", "res"),
                            opened("d3", "work"),
                            new TicketCalled(
                                    FLOOR,
                                    "d1",
                                    v(1),
                                    "A-001",
                                    "res",
                                    "r1",
                                    reason(PriorityClass.NONE, 1, 1, 1, false),
                                    at(1)),
                            new ServiceStarted(FLOOR, "d1", v(1), at(2)),
                            new VisitTransferred(FLOOR, "d1", v(1), "res", "work", "B-002", 2, at(20)))
                    .when(new CallNext(FLOOR, "d3", "r2", at(30)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d3",
                            v(1),
                            "B-002",
                            "work",
                            "r2",
                            reason(PriorityClass.NONE, 30, 1, 30, false),
                            at(30)));
        }
    }

    @Nested
    class VisitLifecycle {
        List<Object> calledV1() {
            return List.of(
                    started(),
                    arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                    opened("d1", "res"),
                    new TicketCalled(
                            FLOOR,
                            "d1",
                            v(1),
                            "A-001",
                            "res",
                            "r1",
                            reason(PriorityClass.NONE, 1, 1, 1, false),
                            at(1)));
        }

        List<Object> inServiceV1() {
            List<Object> events = new ArrayList<>(calledV1());
            events.add(new ServiceStarted(FLOOR, "d1", v(1), at(2)));
            return events;
        }

        @Test
        void recallThenStartThenComplete() {
            fixture.given(calledV1())
                    .when(new Recall(FLOOR, v(1), at(2)))
                    .expectEvents(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 1, at(2)));
            fixture.given(calledV1())
                    .when(new StartService(FLOOR, v(1), at(2)))
                    .expectEvents(new ServiceStarted(FLOOR, "d1", v(1), at(2)));
            fixture.given(inServiceV1())
                    .when(new CompleteService(FLOOR, v(1), at(9)))
                    .expectEvents(new VisitCompleted(FLOOR, "d1", v(1), at(9)));
        }

        @Test
        void recallsAreLimited() {
            List<Object> events = new ArrayList<>(calledV1());
            events.add(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 1, at(2)));
            events.add(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 2, at(3)));
            fixture.given(events)
                    .when(new Recall(FLOOR, v(1), at(4)))
                    .expectException(refused(FloorRefusal.RECALLS_EXHAUSTED));
        }

        @Test
        void noShowFreesTheDesk() {
            List<Object> events = new ArrayList<>(calledV1());
            events.add(arrived(2, "res", "A-002", 2, PriorityClass.NONE, 1));
            events.add(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 1, at(2)));
            events.add(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 2, at(3)));
            events.add(new VisitMarkedNoShow(FLOOR, "d1", v(1), at(5)));
            fixture.given(events)
                    .when(new CallNext(FLOOR, "d1", "r2", at(6)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(2),
                            "A-002",
                            "res",
                            "r2",
                            reason(PriorityClass.NONE, 5, 1, 5, false),
                            at(6)));
        }

        @Test
        void noShowAfterTheLastRecall() {
            List<Object> events = new ArrayList<>(calledV1());
            events.add(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 1, at(2)));
            fixture.given(events)
                    .when(new MarkNoShow(FLOOR, v(1), at(4)))
                    .expectException(refused(FloorRefusal.RECALLS_REMAINING))
                    .expectExceptionMessage(
                            "Ticket A-001 was recalled 1 of 2 times; recall it before marking it no-show");
            events.add(new TicketRecalled(FLOOR, "d1", v(1), "A-001", 2, at(3)));
            fixture.given(events)
                    .when(new MarkNoShow(FLOOR, v(1), at(4)))
                    .expectEvents(new VisitMarkedNoShow(FLOOR, "d1", v(1), at(4)));
        }

        @Test
        void noShowOnlyForACalledVisit() {
            fixture.given(inServiceV1())
                    .when(new MarkNoShow(FLOOR, v(1), at(4)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_CALLED))
                    .expectExceptionMessage("Cannot mark as no-show ticket A-001: it is in service, not called");
        }

        @Test
        void startOnlyForACalledVisit() {
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new StartService(FLOOR, v(1), at(4)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_CALLED));
        }

        @Test
        void completeOnlyInService() {
            fixture.given(calledV1())
                    .when(new CompleteService(FLOOR, v(1), at(4)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_IN_SERVICE));
        }

        @Test
        void transferToTheSameServiceIsRefused() {
            fixture.given(inServiceV1())
                    .when(new Transfer(FLOOR, v(1), "res", at(4)))
                    .expectException(refused(FloorRefusal.SAME_SERVICE));
        }

        @Test
        void transferToAnUnknownServiceIsRefused() {
            fixture.given(inServiceV1())
                    .when(new Transfer(FLOOR, v(1), "nope", at(4)))
                    .expectException(refused(CommonRefusal.UNKNOWN_SERVICE));
        }

        @Test
        void cancelAWaitingOrCalledVisit() {
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CancelVisit(FLOOR, v(1), null, at(3)))
                    .expectEvents(new VisitCancelled(FLOOR, null, v(1), "visitor left", at(3)));
            fixture.given(calledV1())
                    .when(new CancelVisit(FLOOR, v(1), "left", at(3)))
                    .expectEvents(new VisitCancelled(FLOOR, "d1", v(1), "left", at(3)));
        }

        @Test
        void cannotCancelInService() {
            fixture.given(inServiceV1())
                    .when(new CancelVisit(FLOOR, v(1), null, at(3)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_CANCELLABLE));
        }

        static final Map<String, Object> VISITOR = Map.of(Actor.ID_KEY, "visitor", Actor.ROLE_KEY, "VISITOR");

        @Test
        void theVisitorLeavesAWaitingOrCalledVisitFromTheirPhone() {
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new LeaveQueue(FLOOR, v(1), at(3)), VISITOR)
                    .expectEvents(new VisitCancelled(FLOOR, null, v(1), Floor.LEFT_BY_PHONE, at(3)));
            // a called visit is at a desk the visitor does not hold: leaving is still theirs to do
            fixture.given(calledV1())
                    .when(new LeaveQueue(FLOOR, v(1), at(3)), VISITOR)
                    .expectEvents(new VisitCancelled(FLOOR, "d1", v(1), Floor.LEFT_BY_PHONE, at(3)));
        }

        @Test
        void aRetriedLeaveChangesNothing() {
            fixture.given(
                            started(),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                            new VisitCancelled(FLOOR, null, v(1), Floor.LEFT_BY_PHONE, at(3)))
                    .when(new LeaveQueue(FLOOR, v(1), at(4)), VISITOR)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aVisitBeingServedCannotBeLeft() {
            fixture.given(inServiceV1())
                    .when(new LeaveQueue(FLOOR, v(1), at(3)), VISITOR)
                    .expectException(refused(FloorRefusal.VISIT_NOT_CANCELLABLE));
        }

        @Test
        void unknownVisitIsRefused() {
            fixture.given(started())
                    .when(new StartService(FLOOR, v(42), at(3)))
                    .expectException(refused(FloorRefusal.UNKNOWN_VISIT));
        }
    }

    @Nested
    class EndOfDay {
        @Test
        void closingClosesEveryOpenVisitWithAReason() {
            List<Object> events = new ArrayList<>(List.of(
                    started(),
                    arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                    arrived(2, "res", "A-002", 2, PriorityClass.ELDERLY, 0),
                    arrived(3, "res", "A-003", 3, PriorityClass.NONE, 0),
                    opened("d1", "res"),
                    new TicketCalled(
                            FLOOR, "d1", v(1), "A-001", "res", "r1", reason(PriorityClass.NONE, 1, 1, 1, false), at(1)),
                    new ServiceStarted(FLOOR, "d1", v(1), at(2)),
                    new VisitCancelled(FLOOR, null, v(3), "left", at(3))));
            fixture.given(events)
                    .when(new CloseFloor(FLOOR, at(600)))
                    .expectEvents(new FloorClosed(
                            FLOOR,
                            EndOfDayRule.CLOSE,
                            List.of(
                                    new VisitClosure(
                                            v(1),
                                            "A-001",
                                            "res",
                                            VisitStatus.CLOSED,
                                            "service unfinished at closing time",
                                            "tok1",
                                            PriorityClass.NONE,
                                            at(0)),
                                    new VisitClosure(
                                            v(2),
                                            "A-002",
                                            "res",
                                            VisitStatus.CLOSED,
                                            "not served before closing time",
                                            "tok2",
                                            PriorityClass.ELDERLY,
                                            at(0))),
                            at(600)));
        }

        @Test
        void carryOverRuleCarriesWaitingVisits() {
            FloorSettings carry = new FloorSettings(
                    SETTINGS.timeZone(),
                    SETTINGS.servicePrefixes(),
                    SETTINGS.deskServices(),
                    SETTINGS.policy(),
                    EndOfDayRule.CARRY_OVER,
                    2);
            fixture.given(
                            FloorStarted.of(FLOOR, "gulf", "2026-11-29", carry, T0),
                            arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CloseFloor(FLOOR, at(600)))
                    .expectEvents(new FloorClosed(
                            FLOOR,
                            EndOfDayRule.CARRY_OVER,
                            List.of(new VisitClosure(
                                    v(1),
                                    "A-001",
                                    "res",
                                    VisitStatus.CARRIED_OVER,
                                    "carried over to the next opening day",
                                    "tok1",
                                    PriorityClass.NONE,
                                    at(0))),
                            at(600)));
        }

        @Test
        void aClosedFloorRefusesEverything() {
            fixture.given(started(), new FloorClosed(FLOOR, EndOfDayRule.CLOSE, List.of(), at(600)))
                    .when(arrive(1, "res", PriorityClass.NONE, 601))
                    .expectException(refused(FloorRefusal.FLOOR_CLOSED))
                    .expectExceptionMessage("The floor of gulf:2026-11-29 is closed for the day");
            fixture.given(started(), new FloorClosed(FLOOR, EndOfDayRule.CLOSE, List.of(), at(600)))
                    .when(new CloseFloor(FLOOR, at(601)))
                    .expectException(refused(FloorRefusal.FLOOR_CLOSED));
        }

        @Test
        void aCarriedOverVisitKeepsItsArrivalTimeAndTrackingToken() {
            String next = "gulf:2026-11-30";
            fixture.given(FloorStarted.of(next, "gulf", "2026-11-30", SETTINGS, at(1440)))
                    .when(new CarryOverVisit(
                            next, next + ":c1", v(1), "res", PriorityClass.ELDERLY, "tok1", at(0), at(1441)))
                    .expectEvents(new VisitArrived(
                            next,
                            next + ":c1",
                            null,
                            "res",
                            "A-001",
                            1,
                            PriorityClass.ELDERLY,
                            null,
                            "tok1",
                            at(0),
                            v(1),
                            at(1441)));
        }

        @Test
        void aCarriedOverVisitIsRegisteredOnceOnTheNextDay() {
            String next = "gulf:2026-11-30";
            VisitArrived carried = new VisitArrived(
                    next,
                    next + ":c1",
                    null,
                    "res",
                    "A-001",
                    1,
                    PriorityClass.NONE,
                    null,
                    "tok1",
                    at(0),
                    v(1),
                    at(1440));
            fixture.given(FloorStarted.of(next, "gulf", "2026-11-30", SETTINGS, at(1440)), carried)
                    .when(new CarryOverVisit(
                            next, next + ":c2", v(1), "res", PriorityClass.NONE, "tok1", at(0), at(1441)))
                    .expectNoEvents()
                    .expectResultMessagePayload(
                            new ArrivalAnswer(next + ":c1", "A-001", "res", PriorityClass.NONE, "tok1", at(0), 1));
        }
    }

    /** A named ticket called out of turn, and a called ticket returned to its queue (issue 13). */
    @Nested
    class OutOfTurnAndReturns {
        static final OutOfTurnReason BACK = OutOfTurnReason.RETURNED_AFTER_STEPPING_OUT;

        List<Object> threeWaitingAtD1() {
            return List.of(
                    started(),
                    arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0),
                    arrived(2, "res", "A-002", 2, PriorityClass.NONE, 1),
                    arrived(3, "work", "B-001", 1, PriorityClass.NONE, 2),
                    opened("d1", "res", "work"));
        }

        List<Object> with(List<Object> given, Object... more) {
            List<Object> events = new ArrayList<>(given);
            events.addAll(List.of(more));
            return events;
        }

        TicketCalled policyCall(String desk, int n, String ticket, String service, int minute) {
            return new TicketCalled(
                    FLOOR,
                    desk,
                    v(n),
                    ticket,
                    service,
                    "r" + n,
                    reason(PriorityClass.NONE, minute, 1, minute, false),
                    at(minute));
        }

        @Test
        void aDeskCallsANamedWaitingTicketWithItsReasonAndNote() {
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, "  back from the\tphoto shop ", at(5)), STAFF_1)
                    .expectEvents(new TicketCalledOutOfTurn(
                            FLOOR, "d1", v(3), "B-001", "work", BACK, "back from the photo shop", at(5)))
                    .expectResultMessagePayload(new OutOfTurnAnswer(v(3), "B-001", "work", "d1"));
        }

        @Test
        void aBlankNoteIsNoNote() {
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(2), OutOfTurnReason.APPOINTMENT, "   ", at(5)))
                    .expectEvents(new TicketCalledOutOfTurn(
                            FLOOR, "d1", v(2), "A-002", "res", OutOfTurnReason.APPOINTMENT, null, at(5)));
        }

        @Test
        void aRepeatWhileTheTicketIsCalledHereAnswersAgainAndCallsNoOne() {
            fixture.given(with(
                            threeWaitingAtD1(),
                            new TicketCalledOutOfTurn(FLOOR, "d1", v(3), "B-001", "work", BACK, null, at(5))))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(5)), STAFF_1)
                    .expectNoEvents()
                    .expectResultMessagePayload(new OutOfTurnAnswer(v(3), "B-001", "work", "d1"));
        }

        @Test
        void theReasonIsRequired() {
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), null, null, at(5)))
                    .expectNoEvents()
                    .expectException(invalid(CommonRefusal.REQUIRED, "/reason"));
            fixture.given(with(threeWaitingAtD1(), policyCall("d1", 1, "A-001", "res", 3)))
                    .when(new ReturnToQueue(FLOOR, v(1), null, null, at(5)))
                    .expectNoEvents()
                    .expectException(invalid(CommonRefusal.REQUIRED, "/reason"));
        }

        @Test
        void aNoteIsShortAndHoldsNoLongNumber() {
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), OutOfTurnReason.OTHER, "x".repeat(121), at(5)))
                    .expectException(invalid(FloorRefusal.NOTE_TOO_LONG, "/note"))
                    .expectExceptionMessage("note is at most 120 characters");
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), OutOfTurnReason.OTHER, "x".repeat(120), at(5)))
                    .expectSuccessfulHandlerExecution();
            for (String personal : List.of("phone 09121234567", "ID ۱۲۳۴۵۶۷۸۹۰", "call 0912 123 4567")) {
                fixture.given(threeWaitingAtD1())
                        .when(new CallOutOfTurn(FLOOR, "d1", v(3), OutOfTurnReason.OTHER, personal, at(5)))
                        .expectNoEvents()
                        .expectException(invalid(FloorRefusal.NOTE_HAS_NUMBER, "/note"));
            }
            fixture.given(with(threeWaitingAtD1(), policyCall("d1", 1, "A-001", "res", 3)))
                    .when(new ReturnToQueue(FLOOR, v(1), ReturnReason.OTHER, "passport 12345678", at(5)))
                    .expectException(invalid(FloorRefusal.NOTE_HAS_NUMBER, "/note"));
            // a ticket, a time or a short count is no personal number
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(
                            FLOOR, "d1", v(3), OutOfTurnReason.OTHER, "with A-012, 10:30, 2 kids", at(5)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theDeskMustBeOpenFreeAndHeld() {
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(1), BACK, null, at(5)))
                    .expectException(refused(FloorRefusal.DESK_CLOSED));
            fixture.given(started(), arrived(1, "res", "A-001", 1, PriorityClass.NONE, 0))
                    .when(new CallOutOfTurn(FLOOR, "d9", v(1), BACK, null, at(5)))
                    .expectException(refused(FloorRefusal.UNKNOWN_DESK));
            fixture.given(with(threeWaitingAtD1(), new DeskPaused(FLOOR, "d1", at(3))))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(5)))
                    .expectException(refused(FloorRefusal.DESK_PAUSED));
            fixture.given(with(threeWaitingAtD1(), policyCall("d1", 1, "A-001", "res", 3)))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(5)))
                    .expectNoEvents()
                    .expectException(refused(FloorRefusal.DESK_BUSY))
                    .expectExceptionMessage("Desk d1 already has ticket A-001 called; "
                            + "complete, transfer, cancel or mark it no-show first");
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(5)), STAFF_2)
                    .expectException(refused(FloorRefusal.NOT_YOUR_DESK));
        }

        @Test
        void aTicketCalledOrServedAtAnotherDeskIsRefused() {
            var calledAtD3 = with(
                    threeWaitingAtD1(),
                    new DeskOpened(FLOOR, "d3", Set.of("res", "work", "id"), "staff-2", T0),
                    policyCall("d3", 1, "A-001", "res", 3));
            fixture.given(calledAtD3)
                    .when(new CallOutOfTurn(FLOOR, "d1", v(1), BACK, null, at(5)), STAFF_1)
                    .expectNoEvents()
                    .expectException(refused(FloorRefusal.VISIT_AT_ANOTHER_DESK))
                    .expectExceptionMessage(
                            "Ticket A-001 is already called at desk d3; a ticket is never called by two desks");
            fixture.given(with(calledAtD3, new ServiceStarted(FLOOR, "d3", v(1), at(4))))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(1), BACK, null, at(5)), STAFF_1)
                    .expectException(refused(FloorRefusal.VISIT_AT_ANOTHER_DESK))
                    .expectExceptionMessage(
                            "Ticket A-001 is already in service at desk d3; a ticket is never called by two desks");
        }

        @Test
        void onlyAWaitingTicketOfTheDesksServicesIsCalled() {
            fixture.given(with(
                            threeWaitingAtD1(),
                            policyCall("d1", 1, "A-001", "res", 3),
                            new ServiceStarted(FLOOR, "d1", v(1), at(4)),
                            new VisitCompleted(FLOOR, "d1", v(1), at(6))))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(1), BACK, null, at(7)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_WAITING))
                    .expectExceptionMessage("Cannot call ticket A-001 out of turn: it is completed, not waiting");
            fixture.given(with(threeWaitingAtD1(), new VisitCancelled(FLOOR, null, v(2), "visitor left", at(3))))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(2), BACK, null, at(7)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_WAITING));
            // d1 was opened for residence only: a work ticket is not its to call
            fixture.given(started(), arrived(3, "work", "B-001", 1, PriorityClass.NONE, 2), opened("d1", "res"))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(5)))
                    .expectException(refused(FloorRefusal.SERVICE_NOT_AT_DESK))
                    .expectExceptionMessage("Desk d1 does not serve work; it serves [res]");
            fixture.given(threeWaitingAtD1())
                    .when(new CallOutOfTurn(FLOOR, "d1", v(42), BACK, null, at(5)))
                    .expectException(refused(FloorRefusal.UNKNOWN_VISIT));
            fixture.given(with(threeWaitingAtD1(), new FloorClosed(FLOOR, EndOfDayRule.CLOSE, List.of(), at(600))))
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(601)))
                    .expectException(refused(FloorRefusal.FLOOR_CLOSED));
        }

        @Test
        void aCalledTicketGoesBackToItsQueueWithItsReasonAndFreesTheDesk() {
            var called = with(threeWaitingAtD1(), policyCall("d1", 1, "A-001", "res", 3));
            fixture.given(called)
                    .when(
                            new ReturnToQueue(FLOOR, v(1), ReturnReason.VISITOR_NOT_HERE, " at the copy shop ", at(5)),
                            STAFF_1)
                    .expectEvents(new VisitReturnedToQueue(
                            FLOOR,
                            "d1",
                            v(1),
                            "A-001",
                            "res",
                            ReturnReason.VISITOR_NOT_HERE,
                            "at the copy shop",
                            at(5)));
            // the desk is free: it calls again, and the returned ticket, first by arrival, is next
            fixture.given(with(
                            called,
                            new VisitReturnedToQueue(
                                    FLOOR, "d1", v(1), "A-001", "res", ReturnReason.VISITOR_NOT_HERE, null, at(5))))
                    .when(new CallNext(FLOOR, "d1", "r9", at(10)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(1),
                            "A-001",
                            "res",
                            "r9",
                            reason(PriorityClass.NONE, 10, 1, 10, false),
                            at(10)));
        }

        @Test
        void aTicketCalledOutOfTurnIsReturnedAndCalledAgain() {
            var backInQueue = with(
                    threeWaitingAtD1(),
                    new TicketCalledOutOfTurn(
                            FLOOR, "d1", v(3), "B-001", "work", OutOfTurnReason.APPOINTMENT, null, at(3)),
                    new TicketRecalled(FLOOR, "d1", v(3), "B-001", 1, at(4)),
                    new VisitReturnedToQueue(
                            FLOOR, "d1", v(3), "B-001", "work", ReturnReason.VISITOR_NOT_HERE, null, at(5)));
            fixture.given(backInQueue)
                    .when(new CallOutOfTurn(FLOOR, "d1", v(3), BACK, null, at(9)))
                    .expectEvents(new TicketCalledOutOfTurn(FLOOR, "d1", v(3), "B-001", "work", BACK, null, at(9)));
            // its recalls start from none again: two are left
            fixture.given(with(
                            backInQueue,
                            new TicketCalledOutOfTurn(FLOOR, "d1", v(3), "B-001", "work", BACK, null, at(9))))
                    .when(new MarkNoShow(FLOOR, v(3), at(10)))
                    .expectException(refused(FloorRefusal.RECALLS_REMAINING))
                    .expectExceptionMessage(
                            "Ticket B-001 was recalled 0 of 2 times; recall it before marking it no-show");
        }

        @Test
        void onlyACalledTicketOfTheHoldersDeskGoesBack() {
            fixture.given(threeWaitingAtD1())
                    .when(new ReturnToQueue(FLOOR, v(1), ReturnReason.CALLED_BY_MISTAKE, null, at(5)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_CALLED))
                    .expectExceptionMessage("Cannot return to the queue ticket A-001: it is waiting, not called");
            fixture.given(with(
                            threeWaitingAtD1(),
                            policyCall("d1", 1, "A-001", "res", 3),
                            new ServiceStarted(FLOOR, "d1", v(1), at(4))))
                    .when(new ReturnToQueue(FLOOR, v(1), ReturnReason.VISITOR_NOT_READY, null, at(5)))
                    .expectException(refused(FloorRefusal.VISIT_NOT_CALLED));
            fixture.given(with(threeWaitingAtD1(), policyCall("d1", 1, "A-001", "res", 3)))
                    .when(new ReturnToQueue(FLOOR, v(1), ReturnReason.CALLED_BY_MISTAKE, null, at(5)), STAFF_2)
                    .expectException(refused(FloorRefusal.NOT_YOUR_DESK));
            fixture.given(with(threeWaitingAtD1(), policyCall("d1", 1, "A-001", "res", 3)))
                    .when(new ReturnToQueue(FLOOR, v(1), ReturnReason.CALLED_BY_MISTAKE, null, at(5)), SUPERVISOR)
                    .expectSuccessfulHandlerExecution();
            fixture.given(threeWaitingAtD1())
                    .when(new ReturnToQueue(FLOOR, v(42), ReturnReason.CALLED_BY_MISTAKE, null, at(5)))
                    .expectException(refused(FloorRefusal.UNKNOWN_VISIT));
        }

        @Test
        void aCallOutOfTurnLeavesThePriorityStreakAsItWas() {
            // limit 2: two elderly calls in a row by the policy, then a regular ticket called by name
            // (which, were it the policy's, would end the streak): the policy's next call is still
            // the limit's regular one, not the elderly ticket that scores higher
            var given = List.<Object>of(
                    started(),
                    arrived(1, "res", "A-001", 1, PriorityClass.ELDERLY, 0),
                    arrived(2, "res", "A-002", 2, PriorityClass.ELDERLY, 0),
                    arrived(3, "res", "A-003", 3, PriorityClass.ELDERLY, 0),
                    arrived(4, "res", "A-004", 4, PriorityClass.NONE, 0),
                    arrived(5, "res", "A-005", 5, PriorityClass.NONE, 0),
                    opened("d1", "res"),
                    new TicketCalled(
                            FLOOR,
                            "d1",
                            v(1),
                            "A-001",
                            "res",
                            "r1",
                            reason(PriorityClass.ELDERLY, 1, 2, 2, false),
                            at(1)),
                    new VisitCompleted(FLOOR, "d1", v(1), at(2)),
                    new TicketCalled(
                            FLOOR,
                            "d1",
                            v(2),
                            "A-002",
                            "res",
                            "r2",
                            reason(PriorityClass.ELDERLY, 2, 2, 4, false),
                            at(2)),
                    new VisitCompleted(FLOOR, "d1", v(2), at(3)),
                    new TicketCalledOutOfTurn(
                            FLOOR, "d1", v(5), "A-005", "res", OutOfTurnReason.APPOINTMENT, null, at(3)),
                    new VisitCompleted(FLOOR, "d1", v(5), at(4)));
            fixture.given(given)
                    .when(new CallNext(FLOOR, "d1", "r3", at(10)))
                    .expectEvents(new TicketCalled(
                            FLOOR,
                            "d1",
                            v(4),
                            "A-004",
                            "res",
                            "r3",
                            reason(PriorityClass.NONE, 10, 1, 10, true),
                            at(10)));
        }
    }

    @Test
    void floorIdsAndVisitIdsParse() {
        assertThat(FloorId.ofVisit(v(1))).isEqualTo(FloorId.parse(FLOOR));
        assertThat(FloorId.parse(FLOOR).visitId("x")).isEqualTo(FLOOR + ":x");
    }
}
