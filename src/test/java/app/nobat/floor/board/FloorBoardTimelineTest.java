package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.nobat.floor.board.FloorBoard.TimelineEntry;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.domain.VisitStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A visit's timeline is told in codes and numbers, for each screen to say in its own language: no
 * sentence of the system's own (events recorded with English reasons keep them; the board names
 * them by code), only words a person typed.
 */
class FloorBoardTimelineTest {

    static final String F = "gulf:2026-11-29";
    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final FloorSettings SETTINGS = new FloorSettings(
            "Asia/Tehran",
            Map.of("res", "A", "doc", "D"),
            Map.of("d1", Set.of("res", "doc")),
            new QueuePolicySettings(Map.of(PriorityClass.ELDERLY, 2.0), 30.0, 2),
            EndOfDayRule.CLOSE,
            2);

    FloorBoard board = new FloorBoard();
    long seq = 0;

    void apply(FloorEvent event) {
        board.apply(event, seq++);
    }

    Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void everyStepCarriesItsCodesAndFigures() {
        apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0));
        apply(new DeskOpened(F, "d1", Set.of("res", "doc"), "s1", T0));
        apply(new VisitArrived(
                F, "v1", null, "res", "A-001", 1, PriorityClass.ELDERLY, null, "t1", at(0), null, at(0)));
        apply(new VisitArrived(
                F, "v2", null, "res", "A-002", 2, PriorityClass.NONE, null, "t2", at(1), "gulf:2026-11-28:v9", at(1)));
        // the views themselves: an ended visit leaves the board, its record keeps the timeline
        VisitView one = board.visits.get("v1");
        VisitView two = board.visits.get("v2");
        CallReason reason = new CallReason(PriorityClass.ELDERLY, 7, 2, 0, 14, true);
        apply(new TicketCalled(F, "d1", "v1", "A-001", "res", "c1", reason, at(7)));
        apply(new TicketRecalled(F, "d1", "v1", "A-001", 1, at(8)));
        apply(new ServiceStarted(F, "d1", "v1", at(9)));
        apply(new VisitTransferred(F, "d1", "v1", "res", "doc", "D-015", 15, at(12)));
        apply(new VisitCancelled(F, null, "v1", "visitor left", at(13)));
        apply(new FloorClosed(
                F,
                EndOfDayRule.CLOSE,
                List.of(new VisitClosure(
                        "v2",
                        "A-002",
                        "res",
                        VisitStatus.CLOSED,
                        "not served before closing time",
                        "t2",
                        PriorityClass.NONE,
                        at(1))),
                at(60)));

        List<TimelineEntry> first = one.timeline;
        assertThat(first)
                .extracting(
                        TimelineEntry::event,
                        TimelineEntry::reason,
                        TimelineEntry::priorityClass,
                        TimelineEntry::recall,
                        TimelineEntry::fromServiceCode,
                        TimelineEntry::detail)
                .containsExactly(
                        tuple(VisitStep.ARRIVED, "WALK_IN", PriorityClass.ELDERLY, null, null, null),
                        tuple(VisitStep.CALLED, null, null, null, null, null),
                        tuple(VisitStep.RECALLED, null, null, 1, null, null),
                        tuple(VisitStep.STARTED, null, null, null, null, null),
                        tuple(VisitStep.TRANSFERRED, null, null, null, "res", null),
                        tuple(VisitStep.CANCELLED, "VISITOR_LEFT", null, null, null, null));
        assertThat(first.get(1).call()).isEqualTo(reason);
        assertThat(first.get(4).serviceCode()).isEqualTo("doc");

        List<TimelineEntry> second = two.timeline;
        assertThat(second)
                .extracting(TimelineEntry::event, TimelineEntry::reason, TimelineEntry::detail)
                .containsExactly(
                        tuple(VisitStep.ARRIVED, "CARRIED_OVER", "2026-11-28"),
                        tuple(VisitStep.CLOSED, "NOT_SERVED_AT_CLOSING", null));
    }

    @Test
    void wordsAClerkTypedStayAsTyped() {
        apply(FloorStarted.of(F, "gulf", "2026-11-29", SETTINGS, T0));
        apply(new VisitArrived(F, "v1", null, "res", "A-001", 1, PriorityClass.NONE, "ref", "t1", at(0), null, at(0)));
        VisitView one = board.visits.get("v1");
        apply(new VisitCancelled(F, null, "v1", "came on the wrong day", at(3)));
        assertThat(one.timeline)
                .extracting(TimelineEntry::event, TimelineEntry::reason, TimelineEntry::detail)
                .containsExactly(
                        tuple(VisitStep.ARRIVED, "APPOINTMENT", null),
                        tuple(VisitStep.CANCELLED, null, "came on the wrong day"));
    }
}
