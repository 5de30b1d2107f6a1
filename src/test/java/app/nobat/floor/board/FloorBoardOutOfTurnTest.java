package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.nobat.display.DisplayView;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.OutOfTurnReason;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.ReturnReason;
import app.nobat.floor.domain.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Calls out of turn and returns to the queue on the board, and a desk's call order (issue 13). */
class FloorBoardOutOfTurnTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "doc", "D"),
            Map.of("d1", Set.of("res", "doc"), "d2", Set.of("doc")),
            new QueuePolicySettings(Map.of(PriorityClass.ELDERLY, 2.0), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);

    final FloorBoard board = new FloorBoard();
    long seq = 0;

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    void apply(FloorEvent event) {
        board.apply(event, seq++, "clerk-1");
    }

    void arrive(int n, String service, String ticket, PriorityClass cls, int minute) {
        apply(new VisitArrived(F, "v" + n, null, service, ticket, n, cls, null, "t" + n, at(minute), null, at(minute)));
    }

    void start() {
        apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0));
        apply(new DeskOpened(F, "d1", Set.of("res", "doc"), "clerk-1", T0));
    }

    @Test
    void aTicketCalledOutOfTurnIsCalledLikeAnyAndReturnsToItsPlace() {
        start();
        arrive(1, "res", "A-001", PriorityClass.NONE, 0);
        arrive(2, "res", "A-002", PriorityClass.NONE, 1);
        apply(new TicketCalledOutOfTurn(F, "d1", "v2", "A-002", "res", OutOfTurnReason.APPOINTMENT, null, at(5)));

        VisitView called = board.visits.get("v2");
        assertThat(called.status).isEqualTo(VisitStatus.CALLED);
        assertThat(called.deskId).isEqualTo("d1");
        assertThat(board.desks.get("d1").currentTicket).isEqualTo("A-002");
        assertThat(board.recentCalls)
                .first()
                .extracting(FloorBoard.CallView::ticket)
                .isEqualTo("A-002");
        assertThat(DisplayView.of(board, List.of("res", "doc"), at(5))
                        .latestCall()
                        .ticket())
                .isEqualTo("A-002");
        assertThat(board.stats.get("res").called).isEqualTo(1);

        apply(new VisitReturnedToQueue(
                F, "d1", "v2", "A-002", "res", ReturnReason.VISITOR_NOT_HERE, "at the copy shop", at(6)));
        VisitView back = board.visits.get("v2");
        assertThat(back.status).isEqualTo(VisitStatus.WAITING);
        assertThat(back.deskId).isNull();
        assertThat(back.calledAt).isNull();
        assertThat(back.arrivedAt).isEqualTo(at(1));
        assertThat(board.desks.get("d1").currentTicket).isNull();
        assertThat(DisplayView.of(board, List.of("res", "doc"), at(6)).latestCall())
                .isNull();
        // its place is kept: second by arrival, as before the call
        assertThat(board.positionOf(back, at(6))).isEqualTo(2);
        assertThat(board.waitingFor("res", at(6))).extracting(v -> v.visitId).containsExactly("v1", "v2");
        assertThat(back.timeline)
                .extracting(FloorBoard.TimelineEntry::event, FloorBoard.TimelineEntry::reason, e -> e.detail())
                .containsExactly(
                        tuple(VisitStep.ARRIVED, "WALK_IN", null),
                        tuple(VisitStep.CALLED_OUT_OF_TURN, "APPOINTMENT", null),
                        tuple(VisitStep.RETURNED_TO_QUEUE, "VISITOR_NOT_HERE", "at the copy shop"));
        assertThat(back.timeline).allMatch(e -> "clerk-1".equals(e.by()));

        // called again when back: its wait is counted once in the statistics
        apply(new TicketCalledOutOfTurn(
                F, "d1", "v2", "A-002", "res", OutOfTurnReason.RETURNED_AFTER_STEPPING_OUT, null, at(9)));
        assertThat(board.stats.get("res").called).isEqualTo(1);
        assertThat(board.waits.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(1);
    }

    @Test
    void aDesksCallOrderRunsAcrossItsServicesWithThePriorityLimit() {
        start();
        apply(new DeskOpened(F, "d2", Set.of("doc"), "clerk-2", T0));
        arrive(1, "res", "A-001", PriorityClass.ELDERLY, 0);
        arrive(2, "res", "A-002", PriorityClass.ELDERLY, 0);
        arrive(3, "doc", "D-001", PriorityClass.NONE, 1);
        arrive(4, "res", "A-003", PriorityClass.NONE, 2);
        arrive(5, "doc", "D-002", PriorityClass.ELDERLY, 3);
        arrive(6, "res", "A-004", PriorityClass.ELDERLY, 4);
        // at minute 10: score 20, D-002 14, A-004 12, D-001 9, A-003 8; after two
        // priority calls in a row the limit lets the oldest regular ticket through
        assertThat(board.callOrder("d1", at(10)))
                .extracting(v -> v.ticket)
                .containsExactly("A-001", "A-002", "D-001", "D-002", "A-004", "A-003");
        assertThat(board.callOrder("d2", at(10))).extracting(v -> v.ticket).containsExactly("D-002", "D-001");

        CallReason elderly = new CallReason(PriorityClass.ELDERLY, 10, 2, 0, 20, false);
        apply(new TicketCalled(F, "d1", "v1", "A-001", "res", "c1", elderly, at(10)));
        apply(new VisitCompleted(F, "d1", "v1", at(11)));
        apply(new TicketCalled(F, "d1", "v2", "A-002", "res", "c2", elderly, at(11)));
        apply(new VisitCompleted(F, "d1", "v2", at(12)));
        // two priority calls made: the next is regular; a call out of turn leaves the streak as it is
        assertThat(board.callOrder("d1", at(12))).extracting(v -> v.ticket).startsWith("D-001", "D-002");
        apply(new TicketCalledOutOfTurn(F, "d1", "v4", "A-003", "res", OutOfTurnReason.OTHER, null, at(12)));
        apply(new VisitCompleted(F, "d1", "v4", at(13)));
        assertThat(board.callOrder("d1", at(13))).extracting(v -> v.ticket).containsExactly("D-001", "D-002", "A-004");
        assertThat(board.callOrder("d9", at(13))).isEmpty();
    }
}
