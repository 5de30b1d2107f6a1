package app.nobat.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Erlang C against values derived by hand and one published table value. */
class ErlangCTest {

    static final double EXACT = 1e-12;

    /** One desk is M/M/1: P(wait) = ρ, Wq = ρ / (μ − λ). With λ = 30/h, 1 min service: ρ = 1/2, Wq = 1 min. */
    @Test
    void oneDeskIsTheMm1Queue() {
        QueueModel model = new QueueModel(30, 1, 1);
        assertThat(ErlangC.probabilityOfWaiting(1, model.offeredLoad())).isCloseTo(0.5, within(EXACT));
        QueueOutlook.Steady outlook = (QueueOutlook.Steady) model.outlook(2);
        // μ − λ = 1 − 1/2 = 1/2 per minute: Wq = (1/2) / (1/2) = 1; within 2 min: 1 − (1/2)·e^{−1}
        assertThat(outlook.meanWaitMinutes()).isCloseTo(1, within(EXACT));
        assertThat(outlook.shareWithinTarget()).isCloseTo(1 - 0.5 * Math.exp(-1), within(EXACT));
        assertThat(outlook.utilisation()).isCloseTo(0.5, within(EXACT));
    }

    /** c = 2, a = 1: B(1) = 1/2, B(2) = (1/2) / (2 + 1/2) = 1/5, ρ = 1/2, C = (1/5) / (1 − (1/2)(4/5)) = 1/3. */
    @Test
    void twoDesksWithOneErlangWaitOneThirdOfTheTime() {
        assertThat(ErlangC.erlangB(2, 1)).isCloseTo(0.2, within(EXACT));
        assertThat(ErlangC.probabilityOfWaiting(2, 1)).isCloseTo(1.0 / 3, within(EXACT));
        // λ = 60/h = 1/min, service 1 min: cμ − λ = 2 − 1 = 1, so Wq = C / 1 = 1/3 minute
        QueueOutlook.Steady outlook = (QueueOutlook.Steady) new QueueModel(60, 1, 2).outlook(0);
        assertThat(outlook.meanWaitMinutes()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(outlook.shareWithinTarget()).isCloseTo(2.0 / 3, within(EXACT));
    }

    /** The Erlang C tables give 0.6821 for 10 Erlangs offered to 11 desks. */
    @Test
    void tenErlangsAtElevenDesksMatchTheTables() {
        assertThat(ErlangC.probabilityOfWaiting(11, 10)).isCloseTo(0.6821, within(1e-3));
    }

    /** The recursion stays finite where a^c / c! would overflow a double (c! exceeds it past c = 170). */
    @Test
    void manyDesksStayFinite() {
        double waiting = ErlangC.probabilityOfWaiting(400, 380);
        assertThat(waiting).isFinite().isBetween(0.0, 1.0);
    }

    @Test
    void atOrAboveFullUtilisationEveryoneWaitsAndTheLineNeverSettles() {
        assertThat(ErlangC.probabilityOfWaiting(2, 2)).isEqualTo(1);
        assertThat(ErlangC.probabilityOfWaiting(2, 3)).isEqualTo(1);
        // 120 visitors an hour at 1 min each on 2 desks: ρ = 1, an answer rather than NaN or infinity
        assertThat(new QueueModel(120, 1, 2).outlook(5)).isEqualTo(new QueueOutlook.Overloaded(1));
        assertThat(new QueueModel(180, 1, 2).outlook(5)).isInstanceOf(QueueOutlook.Overloaded.class);
    }

    @Test
    void moreDesksNeverMeanMoreWaiting() {
        double previous = 1;
        for (int desks = 11; desks <= 30; desks++) {
            double waiting = ErlangC.probabilityOfWaiting(desks, 10);
            assertThat(waiting).as("%d desks", desks).isLessThan(previous);
            previous = waiting;
        }
    }
}
