package app.nobat.planning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.nobat.planning.simulation.MmcCheck.Outcome;
import app.nobat.planning.simulation.MmcCheck.Setting;
import org.junit.jupiter.api.Test;

/**
 * The simulator agrees with Erlang C on small M/M/c cases, played through the real floor.
 *
 * <p>Each case plays 20 independent days of about 1,000 visitors (each day begins in the queue's
 * steady state, see {@link MmcCheck}); the days' spread gives the standard error of the simulated
 * mean wait and share who wait. The tolerance is 4 of those standard errors: a correct simulator
 * lands outside it about once in 16,000 cases, while a wrong one (say a desk left idle, or a visitor
 * called out of order) moves the mean wait by far more. The seeds are fixed, so the outcome is the
 * same on every run. The standard errors are also bounded (15 % of the mean wait, 5 % of the share
 * who wait; at these seeds they are 3–11 % and about 1 %), so that the tolerance cannot grow wide
 * enough to pass anything: a floor that called visitors last-come-first-served, or left a desk idle,
 * would miss by more than that. {@code bench/java/app/nobat/bench/ErlangCAgreementBench} runs
 * the whole table, long enough for 5 %.
 */
class MmcAgreementTest {

    static final int DAYS = 20;
    static final int ARRIVALS_PER_DAY = 1_000;
    static final double STANDARD_ERRORS = 4;

    static Outcome played(int desks, double utilisation) {
        return MmcCheck.runDays(new Setting(desks, utilisation), 20261129L * desks, ARRIVALS_PER_DAY, DAYS);
    }

    static void agrees(Outcome o) {
        assertThat(o.days()).isEqualTo(DAYS);
        assertThat(o.visits()).isGreaterThan((long) (0.9 * DAYS * ARRIVALS_PER_DAY));
        assertThat(o.meanWaitRelativeError())
                .as("relative standard error of the mean wait")
                .isLessThan(0.15);
        assertThat(o.waitingShareRelativeError())
                .as("relative standard error of P(wait)")
                .isLessThan(0.05);
        assertThat(o.meanWait())
                .as("mean wait, Erlang C %.4f min", o.erlangMeanWait())
                .isCloseTo(o.erlangMeanWait(), within(STANDARD_ERRORS * o.meanWaitError()));
        assertThat(o.waitingShare())
                .as("share who wait, Erlang C %.4f", o.erlangWaitingShare())
                .isCloseTo(o.erlangWaitingShare(), within(STANDARD_ERRORS * o.waitingShareError()));
    }

    @Test
    void oneDeskAtHalfLoad() {
        Outcome o = played(1, 0.5);
        // M/M/1: P(wait) = ρ, Wq = ρ/(μ − λ) = one mean service time at ρ = 1/2
        assertThat(o.erlangWaitingShare()).isCloseTo(0.5, within(1e-12));
        assertThat(o.erlangMeanWait()).isCloseTo(o.meanServiceMinutes(), within(1e-9));
        agrees(o);
    }

    @Test
    void twoDesksAtSeventyPercent() {
        agrees(played(2, 0.7));
    }

    @Test
    void fourDesksAtEightyPercent() {
        agrees(played(4, 0.8));
    }
}
