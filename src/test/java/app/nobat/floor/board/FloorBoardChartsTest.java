package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The supervisor's charts: arrivals and services per local hour, and the waits of called tickets. */
class FloorBoardChartsTest {

    static final String F = "gulf:2026-11-29";
    // 05:00 UTC is 08:30 in Tehran
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A"),
            Map.of("d1", Set.of("res")),
            new QueuePolicySettings(Map.of(), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void countsPerLocalHourAndBucketsTheWaits() {
        FloorBoard board = new FloorBoard();
        long seq = 0;
        board.apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0), seq++);
        board.apply(new DeskOpened(F, "d1", Set.of("res"), "s1", T0), seq++);
        for (int i = 1; i <= 3; i++) {
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
                            at(i * 20),
                            null,
                            at(i * 20)),
                    seq++); // 08:50, 09:10, 09:30 local
        }
        CallReason reason = new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false);
        board.apply(new TicketCalled(F, "d1", "v1", "A-001", "res", "c1", reason, at(27)), seq++); // waited 7 min
        board.apply(new ServiceStarted(F, "d1", "v1", at(28)), seq++);
        board.apply(new VisitCompleted(F, "d1", "v1", at(35)), seq++); // 09:05 local
        board.apply(new TicketCalled(F, "d1", "v2", "A-002", "res", "c2", reason, at(115)), seq++); // waited 75 min

        assertThat(board.hours).containsOnlyKeys("08", "09");
        assertThat(board.hours.get("08").arrived).isEqualTo(1);
        assertThat(board.hours.get("09").arrived).isEqualTo(2);
        assertThat(board.hours.get("09").served).isEqualTo(1);
        assertThat(board.waits).containsExactlyInAnyOrderEntriesOf(Map.of("5-10", 1, "60+", 1));
        assertThat(FloorBoard.waitBucket(Duration.ofSeconds(299))).isEqualTo("0-5");
        assertThat(FloorBoard.waitBucket(Duration.ofMinutes(30))).isEqualTo("30-60");
    }
}
