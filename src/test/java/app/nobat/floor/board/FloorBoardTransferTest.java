package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.VisitStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A transferred visit remembers, for the visitor's phone, the ticket and service it came from. */
class FloorBoardTransferTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "doc", "D"),
            Map.of("d1", Set.of("res", "doc")),
            new QueuePolicySettings(Map.of(), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);

    @Test
    void theTransferredVisitKeepsItsPreviousTicketAndService() {
        FloorBoard board = new FloorBoard();
        long seq = 0;
        board.apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0), seq++);
        board.apply(new DeskOpened(F, "d1", Set.of("res", "doc"), "s1", T0), seq++);
        board.apply(
                new VisitArrived(F, "v1", null, "res", "A-001", 1, PriorityClass.NONE, null, "t1", T0, null, T0),
                seq++);
        VisitView fresh = board.visits.get("v1");
        assertThat(fresh.transferredFromTicket).isNull();
        CallReason reason = new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false);
        board.apply(new TicketCalled(F, "d1", "v1", "A-001", "res", "c1", reason, T0.plusSeconds(60)), seq++);
        board.apply(new ServiceStarted(F, "d1", "v1", T0.plusSeconds(120)), seq++);
        board.apply(new VisitTransferred(F, "d1", "v1", "res", "doc", "D-015", 15, T0.plusSeconds(300)), seq++);

        VisitView moved = board.visits.get("v1");
        assertThat(moved.status).isEqualTo(VisitStatus.WAITING);
        assertThat(moved.ticket).isEqualTo("D-015");
        assertThat(moved.serviceCode).isEqualTo("doc");
        assertThat(moved.transferredFromTicket).isEqualTo("A-001");
        assertThat(moved.transferredFromService).isEqualTo("res");
    }
}
