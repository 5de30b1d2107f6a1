package app.nobat.display;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.display.DisplayView.DeskLine;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.EndOfDayRule;
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
import org.junit.jupiter.api.Test;

/** The display's desks and "now serving": only tickets a desk still serves, recalls counted. */
class DisplayViewTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A"),
            Map.of("d1", Set.of("res"), "d2", Set.of("res"), "d3", Set.of("res")),
            new QueuePolicySettings(Map.of(), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);
    static final CallReason REASON = new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false);

    final FloorBoard board = new FloorBoard();
    long seq;

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    DisplayViewTest() {
        board.apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0), seq++);
        for (String desk : List.of("d1", "d2", "d3")) {
            board.apply(new DeskOpened(F, desk, Set.of("res"), "s-" + desk, T0), seq++);
        }
        for (int i = 1; i <= 4; i++) {
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
        board.apply(new TicketRecalled(F, "d2", "v2", "A-002", 1, at(8)), seq++);
        board.apply(new DeskPaused(F, "d3", at(8)), seq++);
    }

    DisplayView view() {
        return DisplayView.of(board, List.of("res"), at(10));
    }

    DeskLine desk(DisplayView view, String deskId) {
        return view.desks().stream()
                .filter(d -> d.deskId().equals(deskId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachDeskSaysWhatItServesNowAndSince() {
        DisplayView view = view();
        var d1 = desk(view, "d1").serving();
        assertThat(d1.ticket()).isEqualTo("A-001");
        assertThat(d1.status()).isEqualTo(VisitStatus.IN_SERVICE);
        assertThat(d1.since()).isEqualTo(at(6));
        var d2 = desk(view, "d2").serving();
        assertThat(d2.ticket()).isEqualTo("A-002");
        assertThat(d2.status()).isEqualTo(VisitStatus.CALLED);
        assertThat(d2.recalls()).isEqualTo(1);
        assertThat(d2.since()).isEqualTo(at(7));
        assertThat(desk(view, "d3").status()).isEqualTo(DeskStatus.PAUSED);
        assertThat(desk(view, "d3").serving()).isNull();
    }

    @Test
    void aCompletedTicketIsNoLongerNowServing() {
        assertThat(view().latestCall().ticket()).isEqualTo("A-002");
        board.apply(new VisitMarkedNoShow(F, "d2", "v2", at(9)), seq++);
        assertThat(view().latestCall().ticket())
                .as("the newest call still served")
                .isEqualTo("A-001");
        board.apply(new VisitCompleted(F, "d1", "v1", at(9)), seq++);
        DisplayView view = view();
        assertThat(view.latestCall()).isNull();
        assertThat(view.desks()).allSatisfy(d -> assertThat(d.serving()).isNull());
        assertThat(view.recentCalls()).as("the history stays").hasSize(3);
    }

    @Test
    void aClosedDayServesNothing() {
        board.apply(
                new FloorClosed(
                        F,
                        EndOfDayRule.CLOSE,
                        List.of(new VisitClosure(
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
        DisplayView view = view();
        assertThat(view.closed()).isTrue();
        assertThat(view.latestCall()).isNull();
        assertThat(view.desks()).allSatisfy(d -> assertThat(d.currentTicket()).isNull());
    }
}
