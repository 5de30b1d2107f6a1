package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicy;
import app.nobat.floor.domain.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every waiting visit's position in one pass is the policy's own answer for each (1 + those it
 * would call before), on a random morning of mixed classes and appointments; kept while the board
 * and the moment stand, made again when either moves.
 */
class FloorBoardPositionsTest {

    /** The policy asked visit by visit, as the phones were answered before. */
    static Map<String, Integer> oneByOne(FloorBoard board, Instant now) {
        QueuePolicy policy = new QueuePolicy(board.settings.policy());
        List<QueuePolicy.Candidate> all = new ArrayList<>();
        long order = 0;
        for (VisitView v : board.visits.values()) {
            order++;
            if (v.status == VisitStatus.WAITING) {
                all.add(new QueuePolicy.Candidate(
                        v.visitId, v.priorityClass, v.arrivedAt, order, v.appointmentRef != null));
            }
        }
        Map<String, Integer> positions = new HashMap<>();
        for (QueuePolicy.Candidate c : all) {
            String service = board.visits.get(c.visitId()).serviceCode;
            List<QueuePolicy.Candidate> queue = all.stream()
                    .filter(o -> board.visits.get(o.visitId()).serviceCode.equals(service))
                    .toList();
            positions.put(c.visitId(), policy.positionOf(c, queue, now));
        }
        return positions;
    }

    @Test
    void everyPositionAtOnceIsThePolicysAnswerForEach() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomFloor floor = new RandomFloor(12).build(seed, 400);
            Map<String, Integer> expected = oneByOne(floor.board, floor.now);

            assertThat(expected).hasSizeGreaterThan(300);
            assertThat(floor.board.positions(floor.now)).isEqualTo(expected);
            floor.board.visits.values().stream()
                    .filter(v -> v.status == VisitStatus.WAITING)
                    .forEach(v ->
                            assertThat(floor.board.positionOf(v, floor.now)).isEqualTo(expected.get(v.visitId)));
        }
    }

    @Test
    void theKeptPositionsAreMadeAgainWhenTheBoardOrTheMinuteMoves() {
        RandomFloor floor = new RandomFloor(12).build(7, 200);
        FloorBoard board = floor.board;
        Map<String, Integer> first = board.positions(floor.now);
        assertThat(board.positions(floor.now.plusSeconds(5))).isSameAs(first);

        // half an hour on, weighted classes have overtaken some who came before them
        Instant later = floor.now.plus(Duration.ofMinutes(30));
        assertThat(board.positions(later)).isEqualTo(oneByOne(board, later)).isNotSameAs(first);

        board.apply(
                new VisitArrived(
                        RandomFloor.F,
                        "late",
                        null,
                        "a",
                        "A-999",
                        999,
                        PriorityClass.ELDERLY,
                        null,
                        "t-late",
                        later,
                        null,
                        later),
                board.lastSequence + 1);
        Map<String, Integer> after = board.positions(later.plusSeconds(1));
        assertThat(after).containsKey("late").isEqualTo(oneByOne(board, later.plusSeconds(1)));
    }
}
