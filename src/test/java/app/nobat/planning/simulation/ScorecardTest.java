package app.nobat.planning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.planning.simulation.DayResult.DeskTime;
import app.nobat.planning.simulation.Estimator.Shown;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorecard's arithmetic on visits whose waits and estimates are known. */
class ScorecardTest {

    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    static final SimulatedCentre CENTRE = MmcCheck.centre(1);

    static VisitRecord visit(int n, double waitMinutes, Shown shown) {
        Instant arrived = T0.plusSeconds(60L * n);
        Instant called = arrived.plusMillis(Math.round(waitMinutes * 60_000));
        return new VisitRecord(
                "v" + n,
                "s",
                PriorityClass.NONE,
                false,
                false,
                arrived,
                called,
                called,
                called.plusSeconds(300),
                VisitStatus.COMPLETED,
                "d1",
                1,
                Map.of("e", shown));
    }

    @Test
    void waitsErrorsAndRangesAreCountedPerVisit() {
        // waits 0, 10, 20, 30 min: mean 15; the estimates 5, 10 (range 8–14), 26, none
        List<VisitRecord> visits = List.of(
                visit(1, 0, Shown.exactly(5)),
                visit(2, 10, Shown.range(10, 8, 14)),
                visit(3, 20, Shown.exactly(26)),
                visit(4, 30, Shown.NONE));
        DayResult day = new DayResult(
                "p",
                1,
                "f",
                List.of("e"),
                visits,
                List.of(),
                Map.of("d1", new DeskTime(100_000, Map.of("s", 80_000L))),
                Map.of());
        // the only service's target is 0 minutes in the M/M/c centre: every wait above it is a breach
        Scorecard.Row row = Scorecard.of(List.of(day), CENTRE).overall();

        assertThat(row.called()).isEqualTo(4);
        assertThat(row.meanWait()).isCloseTo(15, within(1e-9));
        assertThat(row.p90Wait()).isCloseTo(30, within(1e-9));
        assertThat(row.breaches()).isEqualTo(3);
        assertThat(row.utilisation()).isCloseTo(0.8, within(1e-9));
        Scorecard.Accuracy a = row.accuracy().get(0);
        // the three shown: errors +5, 0, +6 over actual waits 0 + 10 + 20 = 30 minutes
        assertThat(a.mae()).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(a.maePercent()).isCloseTo(100 * 11.0 / 30, within(1e-9));
        assertThat(a.bias()).isCloseTo(11.0 / 3, within(1e-9));
        // only the 8–14 range held its wait; the visit shown nothing counts as outside
        assertThat(a.inRange()).isCloseTo(0.25, within(1e-9));
        assertThat(a.notShown()).isEqualTo(1);
    }

    @Test
    void aRangeHoldsTheWaitsAScreenWouldShowInsideIt() {
        assertThat(Shown.range(20, 15, 25).holds(14.6)).isTrue();
        assertThat(Shown.range(20, 15, 25).holds(25.4)).isTrue();
        assertThat(Shown.range(20, 15, 25).holds(14.4)).isFalse();
        assertThat(Shown.range(20, 15, 25).holds(25.5)).isFalse();
        assertThat(Shown.exactly(12).holds(12.4)).isTrue();
        assertThat(Shown.exactly(12).holds(13)).isFalse();
        assertThat(Shown.NONE.holds(0)).isFalse();
    }

    @Test
    void theNinetiethPercentileIsTheNearestRank() {
        double[] waits = new double[20];
        for (int i = 0; i < 20; i++) {
            waits[i] = i + 1;
        }
        // 90 % of 20 sorted waits: the 18th
        assertThat(Scorecard.percentile(waits, 0.9)).isEqualTo(18);
        assertThat(Scorecard.percentile(new double[] {7}, 0.9)).isEqualTo(7);
        assertThat(Scorecard.percentile(new double[0], 0.9)).isZero();
    }
}
