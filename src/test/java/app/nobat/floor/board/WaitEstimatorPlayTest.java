package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.domain.PriorityClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forecast's line kept per service and kind calls the same visitors at the same minutes as the
 * straightforward reference that hands the whole line to the policy at every call.
 */
class WaitEstimatorPlayTest {
    @Test
    void theGroupedLineCallsAsTheWholeLineDoesOnRandomFloors() {
        for (long seed = 1; seed <= 20; seed++) {
            RandomFloor floor = new RandomFloor(12).build(seed, 150);
            var reference = WaitEstimator.referencePlay(floor.board, floor.now);
            var grouped = WaitEstimator.play(floor.board, floor.now);

            assertThat(reference).as("seed " + seed).hasSize(150);
            assertThat(grouped).as("seed " + seed).isEqualTo(reference);
            for (String service : RandomFloor.SERVICES) {
                for (PriorityClass cls : List.of(PriorityClass.NONE, PriorityClass.ELDERLY)) {
                    for (boolean appointment : List.of(false, true)) {
                        assertThat(WaitEstimator.playNewcomer(
                                        floor.board,
                                        floor.now,
                                        service,
                                        cls,
                                        appointment,
                                        new WaitEstimator.GroupedWaiting()))
                                .as("seed %d, newcomer %s %s %s", seed, service, cls, appointment)
                                .isEqualTo(WaitEstimator.playNewcomer(
                                        floor.board,
                                        floor.now,
                                        service,
                                        cls,
                                        appointment,
                                        new WaitEstimator.ListWaiting()));
                    }
                }
            }
        }
    }
}
