package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A desk's current ticket on the board: set by a call, cleared by every way a visit leaves the desk. */
class FloorBoardDeskServesTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "work", "W"),
            Map.of("d1", Set.of("res", "work"), "d2", Set.of("res")),
            new QueuePolicySettings(Map.of(), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);
    static final CallReason REASON = new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false);

    long seq;

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** Two desks open, A-001 called at d1 and started, A-002 called at d2. */
    FloorBoard twoDesksServing() {
        FloorBoard board = new FloorBoard();
        seq = 0;
        board.apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0), seq++);
        board.apply(new DeskOpened(F, "d1", Set.of("res", "work"), "s1", T0), seq++);
        board.apply(new DeskOpened(F, "d2", Set.of("res"), "s2", T0), seq++);
        for (int i = 1; i <= 2; i++) {
            board.apply(
                    new VisitArrived(
                            F,
                            "v" + i,
                            null,
                            "res",
                            "A-00" + i,
                            i,
                            PriorityClass.NONE,
                            null,
                            "t" + i,
                            at(i),
                            null,
                            at(i)),
                    seq++);
        }
        board.apply(new TicketCalled(F, "d1", "v1", "A-001", "res", "c1", REASON, at(5)), seq++);
        board.apply(new ServiceStarted(F, "d1", "v1", at(6)), seq++);
        board.apply(new TicketCalled(F, "d2", "v2", "A-002", "res", "c2", REASON, at(7)), seq++);
        return board;
    }

    @Test
    void eachDeskKeepsItsOwnTicketWhileTheOtherCalls() {
        FloorBoard board = twoDesksServing();
        board.apply(new TicketRecalled(F, "d2", "v2", "A-002", 1, at(8)), seq++);
        assertThat(board.desks.get("d1").currentTicket).isEqualTo("A-001");
        assertThat(board.desks.get("d2").currentTicket).isEqualTo("A-002");
        assertThat(board.visits.get("v2").recalls).isEqualTo(1);
    }

    @Test
    void everyEndOfAVisitClearsItsDeskAndOnlyItsDesk() {
        Map<String, Function<String, FloorEvent>> endings = Map.of(
                "completed", v -> new VisitCompleted(F, "d2", v, at(9)),
                "no-show", v -> new VisitMarkedNoShow(F, "d2", v, at(9)),
                "cancelled", v -> new VisitCancelled(F, "d2", v, "left", at(9)),
                "transferred", v -> new VisitTransferred(F, "d2", v, "res", "work", "W-001", 1, at(9)));
        endings.forEach((name, ending) -> {
            FloorBoard board = twoDesksServing();
            board.apply(ending.apply("v2"), seq++);
            assertThat(board.desks.get("d2").currentTicket).as(name).isNull();
            assertThat(board.desks.get("d2").currentVisitId).as(name).isNull();
            assertThat(board.desks.get("d1").currentTicket).as(name).isEqualTo("A-001");
        });
    }

    @Test
    void closingTheDayClearsEveryDesk() {
        FloorBoard board = twoDesksServing();
        board.apply(
                new FloorClosed(
                        F,
                        EndOfDayRule.CLOSE,
                        List.of(
                                new VisitClosure(
                                        "v1",
                                        "A-001",
                                        "res",
                                        VisitStatus.CLOSED,
                                        "day closed",
                                        "t1",
                                        PriorityClass.NONE,
                                        at(1)),
                                new VisitClosure(
                                        "v2",
                                        "A-002",
                                        "res",
                                        VisitStatus.CLOSED,
                                        "day closed",
                                        "t2",
                                        PriorityClass.NONE,
                                        at(2))),
                        at(20)),
                seq++);
        assertThat(board.desks.values())
                .allSatisfy(d -> assertThat(d.currentTicket).isNull());
        assertThat(board.closed).isTrue();
    }

    @Test
    void aPausedDeskNoLongerCountsAsServingAndShowsWhyAndSinceWhen() {
        FloorBoard board = new FloorBoard();
        board.apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0), 0);
        board.apply(new DeskOpened(F, "d1", Set.of("res", "work"), "s1", at(1)), 1);
        board.apply(new DeskOpened(F, "d2", Set.of("res"), "s2", at(2)), 2);
        assertThat(board.desksServing("res")).isEqualTo(2);
        assertThat(board.desks.get("d2").openedAt).isEqualTo(at(2));

        board.apply(new DeskPaused(F, "d2", at(30), "left open"), 3);
        assertThat(board.desksServing("res")).isEqualTo(1);
        assertThat(board.desks.get("d2").pauseReason).isEqualTo("left open");

        board.apply(new DeskClosed(F, "d2", at(40), "clerk went home"), 4);
        assertThat(board.desks.get("d2").openedAt).isNull();
        assertThat(board.desks.get("d2").staffId).isNull();
    }
}
