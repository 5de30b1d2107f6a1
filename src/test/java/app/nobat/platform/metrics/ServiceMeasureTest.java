package app.nobat.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.ReturnReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The floor gauges read from a board: waiting, longest wait, desks serving, breaches, calls. */
class ServiceMeasureTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final CentreProfile CENTRE = new CentreProfile(
            "gulf",
            Map.of(),
            "Asia/Tehran",
            List.of(
                    new CentreProfile.Service("res", "A", Map.of(), 20),
                    new CentreProfile.Service("work", "W", Map.of(), 10),
                    new CentreProfile.Service("family", "E", Map.of(), 30)),
            List.of(),
            List.of(),
            null,
            null,
            0,
            null,
            null,
            null);
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "work", "W", "family", "E"),
            Map.of("d1", Set.of("res", "work"), "d2", Set.of("res"), "d3", Set.of("work")),
            new QueuePolicySettings(Map.of(), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);
    static final CallReason REASON = new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false);

    long seq;
    final FloorBoard board = new FloorBoard();

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    void arrive(String visit, String service, int minute) {
        board.apply(
                new VisitArrived(
                        F,
                        visit,
                        null,
                        service,
                        visit.toUpperCase(),
                        1,
                        PriorityClass.NONE,
                        null,
                        "token-" + visit,
                        at(minute),
                        null,
                        at(minute)),
                seq++);
    }

    @Test
    void aFloorNotStartedShowsZerosForEveryService() {
        FloorBoard empty = new FloorBoard();
        Map<String, ServiceMeasure> measures = ServiceMeasure.of(CENTRE, empty, T0);
        assertThat(measures).containsOnlyKeys("res", "work", "family");
        assertThat(measures.values()).containsOnly(new ServiceMeasure(0, 0, 0, 0, 0));
    }

    @Test
    void countsWaitingVisitsTheirLongestWaitDesksAndBreaches() {
        board.apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0), seq++);
        board.apply(new DeskOpened(F, "d1", Set.of("res", "work"), "s1", T0), seq++);
        board.apply(new DeskOpened(F, "d2", Set.of("res"), "s2", T0), seq++);
        board.apply(new DeskOpened(F, "d3", Set.of("work"), "s3", T0), seq++);
        board.apply(new DeskPaused(F, "d3", at(1)), seq++);
        arrive("v1", "res", 0);
        arrive("v2", "res", 5);
        arrive("v3", "res", 30);
        arrive("v4", "work", 10);
        // v1 is called (no longer waiting), v2 returned to the queue after a call: waiting, counted called once
        board.apply(new TicketCalled(F, "d1", "v1", "V1", "res", "c1", REASON, at(31)), seq++);
        board.apply(new TicketCalled(F, "d2", "v2", "V2", "res", "c2", REASON, at(32)), seq++);
        board.apply(
                new VisitReturnedToQueue(F, "d2", "v2", "V2", "res", ReturnReason.VISITOR_NOT_HERE, null, at(33)),
                seq++);

        Map<String, ServiceMeasure> measures = ServiceMeasure.of(CENTRE, board, at(35));

        // v2 has waited 30 minutes (beyond the 20-minute target), v3 five
        assertThat(measures.get("res")).isEqualTo(new ServiceMeasure(2, 30.0, 2, 1, 2));
        // d3 is paused: only d1 calls work; v4 has waited 25 minutes against a 10-minute target
        assertThat(measures.get("work")).isEqualTo(new ServiceMeasure(1, 25.0, 1, 1, 0));
        assertThat(measures.get("family")).isEqualTo(new ServiceMeasure(0, 0, 0, 0, 0));
    }
}
