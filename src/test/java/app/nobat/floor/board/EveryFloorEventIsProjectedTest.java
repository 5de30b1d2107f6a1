package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On Java 17 the compiler cannot check that the projections handle every floor event, so this
 * test does: a day with one event of each permitted kind, each of which must change the board and
 * have a stream change kind. A new event fails here until the day below shows it and the
 * projections apply it.
 */
class EveryFloorEventIsProjectedTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "wrk", "B"),
            Map.of("d1", Set.of("res"), "d2", Set.of("res", "wrk")),
            new QueuePolicySettings(Map.of(), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);
    static final CallReason REASON = new CallReason(PriorityClass.NONE, 3, 1, 0, 3, false);

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static VisitArrived arrival(int n, int minute) {
        return new VisitArrived(
                F,
                "v" + n,
                null,
                "res",
                "A-00" + n,
                n,
                PriorityClass.NONE,
                null,
                "token-" + n,
                at(minute),
                null,
                at(minute));
    }

    static final List<FloorEvent> DAY = List.of(
            FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0),
            new DeskOpened(F, "d1", Set.of("res"), "clerk-1", at(1)),
            new DeskOpened(F, "d2", Set.of("res", "wrk"), "clerk-2", at(1)),
            arrival(1, 2),
            arrival(2, 3),
            arrival(3, 4),
            arrival(4, 5),
            arrival(5, 6),
            new TicketCalled(F, "d1", "v1", "A-001", "res", "r1", REASON, at(7)),
            new TicketRecalled(F, "d1", "v1", "A-001", 1, at(8)),
            new ServiceStarted(F, "d1", "v1", at(9)),
            new VisitCompleted(F, "d1", "v1", at(12)),
            new TicketCalled(F, "d2", "v2", "A-002", "res", "r2", REASON, at(13)),
            new VisitTransferred(F, "d2", "v2", "res", "wrk", "B-001", 1, at(14)),
            new TicketCalledOutOfTurn(
                    F, "d1", "v3", "A-003", "res", OutOfTurnReason.RETURNED_AFTER_STEPPING_OUT, null, at(15)),
            new VisitReturnedToQueue(F, "d1", "v3", "A-003", "res", ReturnReason.VISITOR_NOT_HERE, "back soon", at(16)),
            new TicketCalled(F, "d1", "v3", "A-003", "res", "r3", REASON, at(17)),
            new VisitMarkedNoShow(F, "d1", "v3", at(18)),
            new VisitCancelled(F, null, "v4", "left the centre", at(19)),
            new DeskPaused(F, "d1", at(20)),
            new DeskResumed(F, "d1", at(25)),
            new DeskClosed(F, "d2", at(30)),
            new FloorClosed(
                    F,
                    EndOfDayRule.CLOSE,
                    List.of(new VisitClosure(
                            "v5",
                            "A-005",
                            "res",
                            VisitStatus.CLOSED,
                            "the centre closed",
                            "token-5",
                            PriorityClass.NONE,
                            at(6))),
                    at(600)));

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theSampleDayHoldsEveryKindOfFloorEvent() {
        Set<Class<?>> permitted =
                Arrays.stream(FloorEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> shown = DAY.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void everyEventChangesTheBoardAndHasAChangeKind() {
        FloorBoard board = new FloorBoard();
        long sequence = 0;
        for (FloorEvent event : DAY) {
            String before = json.valueToTree(board).toString();
            List<FloorBoard.VisitView> touched = board.apply(event, sequence++, "actor");
            assertThat(json.valueToTree(board).toString())
                    .as(event.getClass().getSimpleName())
                    .isNotEqualTo(before);
            assertThat(FloorFeedProjection.kindOf(event))
                    .as(event.getClass().getSimpleName())
                    .isNotNull()
                    .isNotEqualTo(FloorChangeKind.SNAPSHOT);
            assertThat(FloorFeedProjection.detailOf(event, touched)).isNotNull();
        }
        assertThat(board.closed).isTrue();
    }
}
