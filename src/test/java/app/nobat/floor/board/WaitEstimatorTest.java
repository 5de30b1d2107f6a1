package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The estimator's rules: shared desks, overtaking, paused and idle desks, busy desks, the hour's pace, the range. */
class WaitEstimatorTest {

    static final String F = "gulf:2026-12-03";
    static final Instant T0 = Instant.parse("2026-12-03T05:00:00Z"); // 08:30 in Tehran

    FloorBoard board = new FloorBoard();
    long seq = 0;
    int tickets = 0;

    void start(Map<String, Set<String>> desks, double elderlyWeight, double appointmentBoost) {
        start(desks, elderlyWeight, appointmentBoost, Map.of());
    }

    void start(
            Map<String, Set<String>> desks,
            double elderlyWeight,
            double appointmentBoost,
            Map<String, Double> earlierDeskMinutes) {
        apply(FloorStarted.of(
                F,
                "gulf",
                "2026-12-03",
                new FloorSettings(
                        "Asia/Tehran",
                        Map.of("res", "A", "doc", "D"),
                        desks,
                        new QueuePolicySettings(Map.of(PriorityClass.ELDERLY, elderlyWeight), appointmentBoost, 3),
                        EndOfDayRule.CLOSE,
                        2),
                T0,
                earlierDeskMinutes));
    }

    void apply(FloorEvent event) {
        board.apply(event, seq++);
    }

    static Instant at(double minutes) {
        return T0.plusMillis(Math.round(minutes * 60_000));
    }

    void open(String desk, double minute, String... services) {
        apply(new DeskOpened(F, desk, Set.of(services), "s-" + desk, at(minute)));
    }

    void arrive(String visit, String service, PriorityClass cls, double minute) {
        tickets++;
        apply(new VisitArrived(
                F,
                visit,
                null,
                service,
                "A-" + tickets,
                tickets,
                cls,
                null,
                "t-" + visit,
                at(minute),
                null,
                at(minute)));
    }

    void call(String desk, String visit, double minute) {
        var v = board.visits.get(visit);
        apply(new TicketCalled(
                F,
                desk,
                visit,
                v.ticket,
                v.serviceCode,
                "r-" + visit,
                new CallReason(v.priorityClass, 0, 1, 0, 0, false),
                at(minute)));
    }

    void complete(String desk, String visit, double minute) {
        apply(new ServiceStarted(F, desk, visit, at(minute)));
        apply(new VisitCompleted(F, desk, visit, at(minute)));
    }

    /** Visits of this service served one after another at this desk, each taking these minutes, from the minute given. */
    double served(String desk, String service, int count, double minutes, double from) {
        double t = from;
        for (int i = 0; i < count; i++) {
            String id = "h-" + desk + "-" + service + "-" + i + "-" + seq;
            arrive(id, service, PriorityClass.NONE, t);
            call(desk, id, t);
            t += minutes;
            complete(desk, id, t);
        }
        return t;
    }

    @Test
    void theOpeningQueueIsToldTheCentresUsualDeskTimeUntilTodaysVisitsSayOtherwise() {
        start(Map.of("d1", Set.of("res")), 2.0, 0, Map.of("res", 12.0));
        open("d1", 0, "res");
        for (int i = 0; i < 4; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, 0);
        }
        // before any visit has ended: 4 ahead of the usual 12 minutes, with the spread of a known desk
        // time (1.28·√(1/5 + 0.33²) = 0.67 of it: 16–80, shown in fives), not the default's 5 minutes
        assertThat(WaitEstimator.forNewcomer(board, "res", at(0))).isEqualTo(new WaitEstimate(true, 48, 15, 80));

        FloorBoard firstDay = board;
        board = new FloorBoard();
        seq = 0;
        tickets = 0;
        start(Map.of("d1", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        for (int i = 0; i < 4; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, 0);
        }
        // a centre's first day knows nothing: the default 5 minutes, said with the guessed spread
        assertThat(WaitEstimator.forNewcomer(board, "res", at(0)).minutes()).isEqualTo(20);
        board = firstDay;

        // five of today's visits of 6 minutes weigh as much as the earlier days: the day's desk time is
        // (5·6 + 5·12) / 10 = 9 minutes, and the last hour's five visits are drawn towards it as ever,
        // (5·6 + 5·9) / 10 = 7.5 minutes each for the four still ahead of a newcomer
        double now = served("d1", "res", 5, 6, 0);
        assertThat(WaitEstimator.forNewcomer(board, "res", at(now)).minutes()).isEqualTo(30);
    }

    @Test
    void oneDeskCallsTheQueueInTurnAtItsDeskTime() {
        start(Map.of("d1", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        double now = served("d1", "res", 3, 6, 0);
        for (int i = 0; i < 4; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, now);
        }

        // four ahead of 6 minutes each: 24 minutes, spread 1.28·√(1/5 + 0.33²) of it: 7–41, shown in fives
        assertThat(WaitEstimator.forNewcomer(board, "res", at(now))).isEqualTo(new WaitEstimate(true, 24, 5, 40));
        // the first in the queue is called now: the desk is free
        assertThat(WaitEstimator.forVisit(board, board.visits.get("w0"), at(now)))
                .isEqualTo(WaitEstimate.NOW);
        assertThat(WaitEstimator.forVisit(board, board.visits.get("w2"), at(now))
                        .minutes())
                .isEqualTo(12);
    }

    @Test
    void aDeskSharedWithAnotherServiceGivesItOnlyItsShare() {
        start(Map.of("d1", Set.of("res", "doc")), 2.0, 0);
        open("d1", 0, "res", "doc");
        double now = served("d1", "doc", 3, 5, 0);
        for (int i = 0; i < 4; i++) {
            arrive("doc" + i, "doc", PriorityClass.NONE, now - 4 + i);
        }
        arrive("res0", "res", PriorityClass.NONE, now);
        var visitor = board.visits.get("res0");

        // first in its own queue, but the shared desk calls the four who came before it first
        assertThat(board.positionOf(visitor, at(now))).isEqualTo(1);
        assertThat(board.estimatedWaitMinutes("res", 1))
                .as("the former formula")
                .isEqualTo(3);
        assertThat(WaitEstimator.forVisit(board, visitor, at(now)).minutes()).isEqualTo(20);
    }

    @Test
    void priorityVisitorsWhoWillArriveOvertakeARegularOne() {
        start(Map.of("d1", Set.of("res")), 4.0, 0);
        open("d1", 0, "res");
        double now = served("d1", "res", 6, 5, 0);
        for (int i = 0; i < 3; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, now);
        }
        WaitEstimate without = WaitEstimator.forNewcomer(board, "res", at(now));

        // the same queue on a floor where half the visitors of the hour were elderly
        board = new FloorBoard();
        seq = 0;
        start(Map.of("d1", Set.of("res")), 4.0, 0);
        open("d1", 0, "res");
        double t = 0;
        for (int i = 0; i < 6; i++) {
            String id = "e" + i;
            arrive(id, "res", i % 2 == 0 ? PriorityClass.ELDERLY : PriorityClass.NONE, t);
            call("d1", id, t);
            t += 5;
            complete("d1", id, t);
        }
        for (int i = 0; i < 3; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, t);
        }
        WaitEstimate with = WaitEstimator.forNewcomer(board, "res", at(t));
        WaitEstimate elderly = WaitEstimator.forArrival(board, "new", "res", PriorityClass.ELDERLY, false, at(t));

        assertThat(without.minutes()).isEqualTo(15);
        assertThat(with.minutes()).isGreaterThan(without.minutes());
        // an elderly visitor is not overtaken by the regular ones ahead for long: weight 4 passes them
        assertThat(elderly.minutes()).isLessThan(with.minutes());
    }

    @Test
    void aPausedDeskIsBackAfterAUsualPauseAndNoDeskMeansNoPromise() {
        start(Map.of("d1", Set.of("res"), "d2", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        open("d2", 0, "res");
        double now = served("d1", "res", 3, 6, 0);
        for (int i = 0; i < 6; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, now);
        }
        int both = WaitEstimator.forNewcomer(board, "res", at(now)).minutes();
        apply(new DeskPaused(F, "d2", at(now), "break"));
        // d2 is back in 15 minutes (no pause has ended today yet): d1 calls three, then both take turns
        int oneOnBreak = WaitEstimator.forNewcomer(board, "res", at(now)).minutes();
        // half an hour later d1 calls w0; d2, paused for more than twice a usual pause, is not expected back
        call("d1", "w0", now + 31);
        int oneGone = WaitEstimator.forNewcomer(board, "res", at(now + 31)).minutes();
        // d1 pauses holding w0: back in 15 minutes, then w0's rest of 6, then the five and the newcomer
        apply(new DeskPaused(F, "d1", at(now + 31), "break"));
        int bothPaused = WaitEstimator.forNewcomer(board, "res", at(now + 31)).minutes();

        assertThat(both).isEqualTo(18);
        assertThat(oneOnBreak).isEqualTo(24);
        assertThat(oneGone).isEqualTo(36);
        assertThat(bothPaused).isEqualTo(15 + 6 + 30);
        assertThat(WaitEstimator.forNewcomer(board, "res", at(now + 62))).isEqualTo(WaitEstimate.NO_DESK);
        assertThat(WaitEstimator.forVisit(board, board.visits.get("w1"), at(now + 62))
                        .known())
                .isFalse();
    }

    @Test
    void theDaysPausesSetHowSoonAPausedDeskIsBack() {
        start(Map.of("d1", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        double t = 0;
        for (int i = 0; i < 3; i++) {
            t = served("d1", "res", 1, 6, t);
            apply(new DeskPaused(F, "d1", at(t), "break"));
            t += 4;
            apply(new DeskResumed(F, "d1", at(t)));
        }
        arrive("w0", "res", PriorityClass.NONE, t);
        apply(new DeskPaused(F, "d1", at(t), "break"));

        // three pauses of 4 minutes: back in 4, then w0 takes its 6
        assertThat(WaitEstimator.forNewcomer(board, "res", at(t)).minutes()).isEqualTo(10);
    }

    @Test
    void anOpenDeskThatCallsNobodyWhileItsQueueWaitsIsNotServing() {
        start(Map.of("d1", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        double now = served("d1", "res", 3, 6, 0);
        arrive("w0", "res", PriorityClass.NONE, now);

        assertThat(WaitEstimator.forNewcomer(board, "res", at(now + 5)).known()).isTrue();
        // half an hour later nobody has been called there: the clerk has gone
        assertThat(WaitEstimator.forNewcomer(board, "res", at(now + 30))).isEqualTo(WaitEstimate.NO_DESK);
    }

    @Test
    void aBusyDeskIsFreeAfterTheRestOfItsVisit() {
        start(Map.of("d1", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        double now = served("d1", "res", 3, 6, 0);
        arrive("busy", "res", PriorityClass.NONE, now);
        call("d1", "busy", now);

        assertThat(WaitEstimator.forNewcomer(board, "res", at(now + 1)).minutes())
                .isEqualTo(5);
        // two minutes of the six remain, but a visit has at least half of its time left
        assertThat(WaitEstimator.forNewcomer(board, "res", at(now + 4)).minutes())
                .isEqualTo(3);
        // past its expected time, a visit still has half of it left
        assertThat(WaitEstimator.forNewcomer(board, "res", at(now + 20)).minutes())
                .isEqualTo(3);
    }

    @Test
    void theLastHoursPaceCountsNotTheWholeDays() {
        start(Map.of("d1", Set.of("res")), 2.0, 0);
        open("d1", 0, "res");
        served("d1", "res", 4, 15, 0); // a slow first hour
        double t = served("d1", "res", 4, 3, 120); // then, after a lull, a quick clerk
        for (int i = 0; i < 5; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, t);
        }

        // the hour's four visits of 3 minutes and five of the day's mean of 9: 57 / 9 = 6.33 minutes a
        // visit, five ahead (the day's alone would say 45, the hour's alone 15)
        assertThat(WaitEstimator.forNewcomer(board, "res", at(t)).minutes()).isEqualTo(32);
    }

    @Test
    void theQueueAtTheDoorAtOpeningIsNotARateOfArrivals() {
        start(Map.of("d1", Set.of("res")), 4.0, 0);
        open("d1", 0, "res");
        for (int i = 0; i < 6; i++) {
            arrive("door" + i, "res", i % 2 == 0 ? PriorityClass.ELDERLY : PriorityClass.NONE, 0);
        }
        call("d1", "door0", 0);

        // six at the door, three of them elderly, are no sign of elderly visitors to come at 36 an hour:
        // door0's rest of the default 5 minutes (3), then five ahead of 5 minutes each; no visit has
        // ended today, so the range is wide (±1.28·√(1/6 + 1) of 28 minutes)
        assertThat(WaitEstimator.forNewcomer(board, "res", at(2))).isEqualTo(new WaitEstimate(true, 28, 1, 65));
        // an elderly visitor who comes after the first call is one of the hour's arrivals
        arrive("later", "res", PriorityClass.ELDERLY, 2);
        assertThat(WaitEstimator.forNewcomer(board, "res", at(2)).minutes()).isGreaterThan(33);
    }

    /** Three desks of res, each having served three visits of 6 minutes by minute 18. */
    double threeDesksServedSince0() {
        start(Map.of("d1", Set.of("res"), "d2", Set.of("res"), "d3", Set.of("res")), 2.0, 0);
        double t = 0;
        for (String desk : new String[] {"d1", "d2", "d3"}) {
            open(desk, 0, "res");
            t = served(desk, "res", 3, 6, 0);
        }
        return t;
    }

    @Test
    void onceTwoDesksHavePausedTheOthersTakeTheirBreakInTurn() {
        double t = threeDesksServedSince0();
        apply(new DeskPaused(F, "d1", at(t), "break"));
        for (int i = 0; i < 4; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, t + 1);
        }
        // one desk paused says nothing of the others: d2 and d3 call the four at 0 and 6, the
        // newcomer at 12 (d1 is back in 14)
        assertThat(WaitEstimator.forNewcomer(board, "res", at(t + 1)).minutes()).isEqualTo(12);

        board = new FloorBoard();
        seq = 0;
        t = threeDesksServedSince0();
        apply(new DeskPaused(F, "d1", at(t), "break"));
        apply(new DeskPaused(F, "d2", at(t), "break"));
        apply(new DeskResumed(F, "d1", at(t + 20)));
        apply(new DeskResumed(F, "d2", at(t + 21)));
        for (int i = 0; i < 4; i++) {
            arrive("w" + i, "res", PriorityClass.NONE, t + 21);
        }
        // d1 and d2 paused together: d3's turn came a usual pause (15 minutes) after theirs began, so
        // it pauses now; d1 and d2 call the four at 0 and 6, the newcomer at 12 (without d3's break: 6)
        assertThat(WaitEstimator.forNewcomer(board, "res", at(t + 21)).minutes())
                .isEqualTo(12);
    }

    @Test
    void aNarrowSpreadIsOneFigureAWideOneARange() {
        assertThat(WaitEstimator.estimate(0.2, 0)).isEqualTo(WaitEstimate.NOW);
        // 99 ahead, a minute and a half: ±44 % of it is narrower than two minutes
        assertThat(WaitEstimator.estimate(1.5, 99)).isEqualTo(new WaitEstimate(true, 2, 2, 2));
        // 24 ahead: ±49 % of 4 minutes, in whole minutes
        assertThat(WaitEstimator.estimate(4, 24)).isEqualTo(new WaitEstimate(true, 4, 2, 6));
        // 15 ahead: ±53 % of 10 minutes, ten wide: in fives
        assertThat(WaitEstimator.estimate(10, 15)).isEqualTo(new WaitEstimate(true, 10, 5, 15));
        // 99 ahead: what the forecast misses still leaves ±44 % of 40 minutes
        assertThat(WaitEstimator.estimate(40, 99)).isEqualTo(new WaitEstimate(true, 40, 20, 60));
        // nobody ahead and a busy desk: wide, but never "0 minutes" at the low end
        assertThat(WaitEstimator.estimate(3, 0)).isEqualTo(new WaitEstimate(true, 3, 1, 8));
        assertThat(WaitEstimator.estimate(1.5, 99).isRange()).isFalse();
        assertThat(WaitEstimator.estimate(40, 99).isRange()).isTrue();
    }
}
