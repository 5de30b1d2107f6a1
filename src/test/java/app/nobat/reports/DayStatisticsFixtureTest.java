package app.nobat.reports;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.domain.DayBookEvent.AppointmentBooked;
import app.nobat.booking.domain.DayBookEvent.AppointmentCheckedIn;
import app.nobat.booking.domain.DayBookEvent.AppointmentMissed;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.DeskOpened;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import app.nobat.floor.domain.FloorEvent.FloorStarted;
import app.nobat.floor.domain.FloorEvent.ServiceStarted;
import app.nobat.floor.domain.FloorEvent.TicketCalled;
import app.nobat.floor.domain.FloorEvent.TicketCalledOutOfTurn;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.FloorEvent.VisitCancelled;
import app.nobat.floor.domain.FloorEvent.VisitClosure;
import app.nobat.floor.domain.FloorEvent.VisitCompleted;
import app.nobat.floor.domain.FloorEvent.VisitMarkedNoShow;
import app.nobat.floor.domain.FloorEvent.VisitReturnedToQueue;
import app.nobat.floor.domain.FloorEvent.VisitTransferred;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.OutOfTurnReason;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.ReturnReason;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.reports.domain.DayStatistics;
import app.nobat.reports.domain.Grouping;
import app.nobat.reports.domain.ReportRow;
import app.nobat.reports.domain.Reports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted day at a centre in Tehran (UTC+3:30) whose figures were worked out by hand: seven
 * visits, two services (residence, target 10 minutes; documents, target 15), two desks, with a
 * transfer, a recall, a return to the queue, a call out of turn, a no-show, a visitor who left,
 * a visit carried in from the day before and one carried over to the next.
 */
class DayStatisticsFixtureTest {

    static final String FLOOR = "c1:2026-12-01";
    static final String DOCS_BOOK = "c1:doc:2026-12-01";
    static final LocalDate DAY = LocalDate.parse("2026-12-01");
    static final Map<String, Integer> TARGETS = Map.of("res", 10, "doc", 15);

    DayStatistics day;
    List<FloorEvent> script;

    /** 05:00Z is 08:30 in Tehran: minute m of the script is 05:00Z + m. */
    static Instant at(int minute) {
        return Instant.parse("2026-12-01T05:00:00Z").plusSeconds(60L * minute);
    }

    static String v(int n) {
        return FLOOR + ":v" + n;
    }

    static VisitArrived arrive(int n, String service, PriorityClass cls, String appointment, int minute) {
        return new VisitArrived(
                FLOOR,
                v(n),
                "r" + n,
                service,
                "T-" + n,
                n,
                cls,
                appointment,
                "token-" + n,
                at(minute),
                null,
                at(minute));
    }

    static TicketCalled call(String desk, int n, String service, int minute) {
        return new TicketCalled(
                FLOOR,
                desk,
                v(n),
                "T-" + n,
                service,
                "c" + n + "-" + minute,
                new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false),
                at(minute));
    }

    @BeforeEach
    void script() {
        FloorSettings settings = new FloorSettings(
                "Asia/Tehran",
                Map.of("res", "R", "doc", "D"),
                Map.of("d1", Set.of("res", "doc"), "d2", Set.of("doc")),
                QueuePolicySettings.defaults(),
                EndOfDayRule.CARRY_OVER,
                3);
        script = new ArrayList<>(List.of(
                FloorStarted.of(FLOOR, "c1", "2026-12-01", settings, at(0)),
                new DeskOpened(FLOOR, "d1", Set.of("res", "doc"), "clerk.one", at(0)),
                new DeskOpened(FLOOR, "d2", Set.of("doc"), "clerk.two", at(0)),
                arrive(1, "res", PriorityClass.NONE, null, 0),
                // carried in from the day before: its first day's arrival is kept, its wait here starts now
                new VisitArrived(
                        FLOOR,
                        v(5),
                        "r5",
                        "res",
                        "R-005",
                        5,
                        PriorityClass.NONE,
                        null,
                        "token-5",
                        Instant.parse("2026-11-30T12:00:00Z"),
                        "c1:2026-11-30:old",
                        at(0)),
                arrive(2, "res", PriorityClass.ELDERLY, null, 2),
                arrive(3, "doc", PriorityClass.NONE, "appt-ref-3", 5),
                arrive(4, "doc", PriorityClass.WITH_INFANT, null, 10),
                call("d1", 2, "res", 6), // waited 4 min
                new ServiceStarted(FLOOR, "d1", v(2), at(7)),
                call("d2", 3, "doc", 8), // waited 3 min
                new FloorEvent.TicketRecalled(FLOOR, "d2", v(3), "T-3", 1, at(9)),
                new ServiceStarted(FLOOR, "d2", v(3), at(10)),
                new VisitCompleted(FLOOR, "d1", v(2), at(17)), // served 10 min
                call("d1", 1, "res", 18), // waited 18 min
                new VisitReturnedToQueue(FLOOR, "d1", v(1), "T-1", "res", ReturnReason.VISITOR_NOT_READY, null, at(19)),
                new VisitTransferred(FLOOR, "d2", v(3), "doc", "res", "R-006", 6, at(20)), // served 10 min at doc
                call("d1", 1, "res", 20), // the second call of v1 counts no wait
                new ServiceStarted(FLOOR, "d1", v(1), at(21)),
                call("d2", 4, "doc", 21), // waited 11 min
                new VisitMarkedNoShow(FLOOR, "d2", v(4), at(24)),
                new VisitCompleted(FLOOR, "d1", v(1), at(26)), // served 5 min
                new TicketCalledOutOfTurn(
                        FLOOR, "d1", v(5), "R-005", "res", OutOfTurnReason.RETURNED_AFTER_STEPPING_OUT, null, at(27)),
                new ServiceStarted(FLOOR, "d1", v(5), at(28)),
                new VisitCompleted(FLOOR, "d1", v(5), at(33)), // served 5 min
                call("d1", 3, "res", 34), // waited 14 min in residence after its transfer at minute 20
                new ServiceStarted(FLOOR, "d1", v(3), at(35)),
                arrive(6, "res", PriorityClass.MEDICAL_REFERRAL, null, 40),
                new VisitCompleted(FLOOR, "d1", v(3), at(45)), // served 10 min
                new VisitCancelled(FLOOR, null, v(6), "LEFT", at(50)),
                arrive(7, "doc", PriorityClass.NONE, null, 50),
                new FloorClosed(
                        FLOOR,
                        EndOfDayRule.CARRY_OVER,
                        List.of(new VisitClosure(
                                v(7),
                                "T-7",
                                "doc",
                                VisitStatus.CARRIED_OVER,
                                "CARRIED_OVER",
                                "token-7",
                                PriorityClass.NONE,
                                at(50))),
                        at(540))));
        day = new DayStatistics("c1", "2026-12-01");
        long seq = 0;
        for (FloorEvent e : script) {
            assertThat(day.apply(e, seq++, "someone")).isTrue();
        }
        Instant slot = Instant.parse("2026-12-01T05:30:00Z");
        day.apply(new AppointmentBooked(DOCS_BOOK, "h1", LocalTime.of(9, 0), slot, "ref1", "g1", null, at(-3000)), 0);
        day.apply(new AppointmentBooked(DOCS_BOOK, "h2", LocalTime.of(9, 0), slot, "ref2", "g2", null, at(-2000)), 1);
        day.apply(new AppointmentCheckedIn(DOCS_BOOK, "h1", v(3), at(5)), 2);
        day.apply(new AppointmentMissed(DOCS_BOOK, "h2", at(100)), 3);
    }

    ReportRow row(Grouping grouping, String key) {
        return Reports.rows(List.of(day), grouping, DAY, DAY, TARGETS).stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDayAddsUpToTheHandCountedFigures() {
        ReportRow all = row(Grouping.DAY, "2026-12-01");
        assertThat(all.arrivals()).isEqualTo(6);
        assertThat(all.walkIns()).isEqualTo(5);
        assertThat(all.appointmentArrivals()).isEqualTo(1);
        assertThat(all.carriedIn()).isEqualTo(1);
        assertThat(all.priorityClasses())
                .containsEntry("NONE", 3)
                .containsEntry("ELDERLY", 1)
                .containsEntry("WITH_INFANT", 1)
                .containsEntry("MEDICAL_REFERRAL", 1)
                .containsEntry("DISABLED", 0);
        assertThat(all.called()).isEqualTo(7);
        assertThat(all.calledOutOfTurn()).isEqualTo(1);
        assertThat(all.recalls()).isEqualTo(1);
        assertThat(all.returnedToQueue()).isEqualTo(1);
        assertThat(all.served()).isEqualTo(4);
        assertThat(all.transferredOut()).isEqualTo(1);
        assertThat(all.noShows()).isEqualTo(1);
        assertThat(all.cancelled()).isEqualTo(1);
        assertThat(all.carriedOver()).isEqualTo(1);
        assertThat(all.closedUnserved()).isZero();
        // waits 180, 240, 660, 840, 1080, 1620 seconds
        assertThat(all.waits()).isEqualTo(6);
        assertThat(all.waitMeanSeconds()).isEqualTo(770.0);
        assertThat(all.waitMedianSeconds()).isEqualTo(750.0);
        assertThat(all.waitP90Seconds()).isEqualTo(1620);
        assertThat(all.waitMaxSeconds()).isEqualTo(1620);
        // residence within 10 min: 240 only; documents within 15: 180 and 660
        assertThat(all.withinTarget()).isEqualTo(3);
        assertThat(all.withinTargetShare()).isEqualTo(0.5);
        // service times 300, 300, 600, 600, 600
        assertThat(all.services()).isEqualTo(5);
        assertThat(all.serviceMeanSeconds()).isEqualTo(480.0);
        assertThat(all.serviceMedianSeconds()).isEqualTo(600.0);
        assertThat(all.serviceP90Seconds()).isEqualTo(600);
        assertThat(all.serviceMaxSeconds()).isEqualTo(600);
        assertThat(all.appointmentsBooked()).isEqualTo(2);
        assertThat(all.appointmentsCheckedIn()).isEqualTo(1);
        assertThat(all.appointmentsMissed()).isEqualTo(1);
        assertThat(Reports.total(List.of(day), TARGETS)).isEqualTo(withKey(all, "total"));
    }

    @Test
    void eachServiceCountsItsOwnQueueAndATransferInBoth() {
        ReportRow res = row(Grouping.SERVICE, "res");
        assertThat(res.walkIns()).isEqualTo(3);
        assertThat(res.carriedIn()).isEqualTo(1);
        assertThat(res.transferredIn()).isEqualTo(1);
        assertThat(res.called()).isEqualTo(5);
        assertThat(res.served()).isEqualTo(4);
        assertThat(res.cancelled()).isEqualTo(1);
        assertThat(res.waitMeanSeconds()).isEqualTo(945.0);
        assertThat(res.waitMedianSeconds()).isEqualTo(960.0);
        assertThat(res.waitP90Seconds()).isEqualTo(1620);
        assertThat(res.withinTargetShare()).isEqualTo(0.25);
        assertThat(res.serviceMeanSeconds()).isEqualTo(450.0);

        ReportRow doc = row(Grouping.SERVICE, "doc");
        assertThat(doc.walkIns()).isEqualTo(2);
        assertThat(doc.appointmentArrivals()).isEqualTo(1);
        assertThat(doc.called()).isEqualTo(2);
        assertThat(doc.recalls()).isEqualTo(1);
        assertThat(doc.transferredOut()).isEqualTo(1);
        assertThat(doc.noShows()).isEqualTo(1);
        assertThat(doc.carriedOver()).isEqualTo(1);
        assertThat(doc.waitMeanSeconds()).isEqualTo(420.0);
        assertThat(doc.waitP90Seconds()).isEqualTo(660);
        assertThat(doc.withinTargetShare()).isEqualTo(1.0);
        assertThat(doc.serviceMeanSeconds()).isEqualTo(600.0);
        assertThat(doc.appointmentsBooked()).isEqualTo(2);
        assertThat(doc.appointmentsCheckedIn()).isEqualTo(1);
        assertThat(doc.appointmentsMissed()).isEqualTo(1);
    }

    @Test
    void desksAndTheirStaffCountTheCallsTheyMade() {
        ReportRow d1 = row(Grouping.DESK, "d1");
        assertThat(d1.called()).isEqualTo(5);
        assertThat(d1.calledOutOfTurn()).isEqualTo(1);
        assertThat(d1.returnedToQueue()).isEqualTo(1);
        assertThat(d1.served()).isEqualTo(4);
        assertThat(d1.waitMeanSeconds()).isEqualTo(945.0);
        assertThat(d1.services()).isEqualTo(4);
        assertThat(d1.arrivals()).isZero();
        ReportRow d2 = row(Grouping.DESK, "d2");
        assertThat(d2.called()).isEqualTo(2);
        assertThat(d2.recalls()).isEqualTo(1);
        assertThat(d2.transferredOut()).isEqualTo(1);
        assertThat(d2.noShows()).isEqualTo(1);
        assertThat(d2.serviceMeanSeconds()).isEqualTo(600.0);
        assertThat(row(Grouping.STAFF, "clerk.one")).isEqualTo(withKey(d1, "clerk.one"));
        assertThat(row(Grouping.STAFF, "clerk.two")).isEqualTo(withKey(d2, "clerk.two"));
        assertThat(day.keys(Grouping.STAFF)).containsExactly("clerk.one", "clerk.two");
    }

    @Test
    void hoursAreTheCentresClockHours() {
        // 05:00Z–05:29Z is 08:30–08:59 in Tehran, from 05:30Z it is 09
        ReportRow eight = row(Grouping.HOUR, "08");
        assertThat(eight.walkIns()).isEqualTo(3);
        assertThat(eight.appointmentArrivals()).isEqualTo(1);
        assertThat(eight.carriedIn()).isEqualTo(1);
        assertThat(eight.waits()).isEqualTo(5);
        assertThat(eight.served()).isEqualTo(2);
        ReportRow nine = row(Grouping.HOUR, "09");
        assertThat(nine.walkIns()).isEqualTo(2);
        assertThat(nine.waits()).isEqualTo(1);
        assertThat(nine.waitMaxSeconds()).isEqualTo(840);
        assertThat(nine.served()).isEqualTo(2);
        assertThat(nine.cancelled()).isEqualTo(1);
        assertThat(day.keys(Grouping.HOUR)).containsExactly("08", "09");
    }

    @Test
    void anEventSeenAgainChangesNothing() {
        ReportRow before = row(Grouping.DAY, "2026-12-01");
        assertThat(day.apply(script.get(script.size() - 3), script.size() - 3, "someone"))
                .isFalse();
        assertThat(day.apply(new AppointmentMissed(DOCS_BOOK, "h2", at(100)), 3))
                .isFalse();
        assertThat(row(Grouping.DAY, "2026-12-01")).isEqualTo(before);
        assertThat(day.open).isEmpty();
    }

    @Test
    void aDayRangeListsEveryDayAndEmptyDaysHaveNoWaits() {
        List<ReportRow> rows = Reports.rows(List.of(day), Grouping.DAY, DAY.minusDays(1), DAY.plusDays(1), TARGETS);
        assertThat(rows).extracting(ReportRow::key).containsExactly("2026-11-30", "2026-12-01", "2026-12-02");
        assertThat(rows.get(0).arrivals()).isZero();
        assertThat(rows.get(0).waitMeanSeconds()).isNull();
        assertThat(rows.get(0).withinTargetShare()).isNull();
    }

    static ReportRow withKey(ReportRow r, String key) {
        return new ReportRow(
                key,
                r.arrivals(),
                r.walkIns(),
                r.appointmentArrivals(),
                r.carriedIn(),
                r.called(),
                r.calledOutOfTurn(),
                r.recalls(),
                r.returnedToQueue(),
                r.served(),
                r.transferredOut(),
                r.transferredIn(),
                r.noShows(),
                r.cancelled(),
                r.closedUnserved(),
                r.carriedOver(),
                r.priorityClasses(),
                r.waits(),
                r.waitMeanSeconds(),
                r.waitMedianSeconds(),
                r.waitP90Seconds(),
                r.waitMaxSeconds(),
                r.withinTarget(),
                r.withinTargetShare(),
                r.services(),
                r.serviceMeanSeconds(),
                r.serviceMedianSeconds(),
                r.serviceP90Seconds(),
                r.serviceMaxSeconds(),
                r.appointmentsBooked(),
                r.appointmentsCancelled(),
                r.appointmentsMovedOut(),
                r.appointmentsCheckedIn(),
                r.appointmentsMissed());
    }
}
