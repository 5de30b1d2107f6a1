package app.nobat.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.nobat.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** Desks needed: the fewest that meet the target, growing with the load and the strictness of the target. */
class StaffingTest {

    /**
     * 60 visitors an hour at 12 minutes each are 12 Erlangs. Within 5 minutes: 14 desks serve 0.7907
     * of them (C = 0.4817, drain 1/6 per minute), 15 desks 0.9086 (C = 0.3192, Wq = 0.3192 / 0.25).
     */
    @Test
    void twelveErlangsNeedFifteenDesksForFourFifthsWithinFiveMinutes() {
        StaffingAnswer answer = Staffing.desksNeeded(new StaffingQuestion(60, 12, 5, 0.8));
        assertThat(answer.desksNeeded()).isEqualTo(15);
        assertThat(answer.offeredLoad()).isCloseTo(12, within(1e-12));
        assertThat(answer.utilisation()).isCloseTo(0.8, within(1e-12));
        assertThat(answer.probabilityOfWaiting()).isCloseTo(0.3192, within(1e-4));
        assertThat(answer.meanWaitMinutes()).isCloseTo(1.2768, within(1e-4));
        assertThat(answer.shareWithinTarget()).isCloseTo(0.9086, within(1e-4));
        QueueOutlook.Steady oneFewer = (QueueOutlook.Steady) new QueueModel(60, 12, 14).outlook(5);
        assertThat(oneFewer.shareWithinTarget()).isCloseTo(0.7907, within(1e-4)).isLessThan(0.8);
    }

    /** 30 an hour at 10 minutes are 5 Erlangs: 6 desks already serve 0.9205 within 20 minutes. */
    @Test
    void theFewestSteadyDesksCanBeEnough() {
        StaffingAnswer answer = Staffing.desksNeeded(new StaffingQuestion(30, 10, 20, 0.8));
        assertThat(answer.desksNeeded()).isEqualTo(6);
        assertThat(answer.shareWithinTarget()).isCloseTo(0.9205, within(1e-4));
    }

    @Test
    void moreVisitorsLongerServiceOrAStricterTargetNeverNeedFewerDesks() {
        int previous = 0;
        for (int arrivals = 10; arrivals <= 300; arrivals += 10) {
            int desks = Staffing.desksNeeded(new StaffingQuestion(arrivals, 12, 5, 0.8))
                    .desksNeeded();
            assertThat(desks).as("%d an hour", arrivals).isGreaterThanOrEqualTo(previous);
            previous = desks;
        }
        assertThat(previous).isGreaterThan(60); // 300 an hour at 12 minutes are 60 Erlangs
        int byService = 0;
        for (int minutes = 1; minutes <= 30; minutes++) {
            int desks = Staffing.desksNeeded(new StaffingQuestion(60, minutes, 5, 0.8))
                    .desksNeeded();
            assertThat(desks).as("%d minutes", minutes).isGreaterThanOrEqualTo(byService);
            byService = desks;
        }
        int byShare = 0;
        for (double share = 0.5; share <= 0.99; share += 0.01) {
            int desks =
                    Staffing.desksNeeded(new StaffingQuestion(60, 12, 5, share)).desksNeeded();
            assertThat(desks).as("share %.2f", share).isGreaterThanOrEqualTo(byShare);
            byShare = desks;
        }
        int byTarget = Integer.MAX_VALUE;
        for (int target = 0; target <= 30; target++) {
            int desks = Staffing.desksNeeded(new StaffingQuestion(60, 12, target, 0.8))
                    .desksNeeded();
            assertThat(desks).as("within %d minutes", target).isLessThanOrEqualTo(byTarget);
            byTarget = desks;
        }
    }

    @Test
    void noArrivalsNeedNoDesk() {
        assertThat(Staffing.desksNeeded(new StaffingQuestion(0, 12, 5, 0.8)))
                .isEqualTo(new StaffingAnswer(0, 0, 0, 0, 0, 1));
    }

    @Test
    void everyoneWithinTheTargetIsStillAFiniteNumberOfDesks() {
        StaffingAnswer answer = Staffing.desksNeeded(new StaffingQuestion(60, 12, 5, 1));
        assertThat(answer.shareWithinTarget()).isEqualTo(1);
        assertThat(answer.desksNeeded()).isGreaterThan(15).isLessThan(Staffing.MAX_DESKS);
    }

    @Test
    void aLoadBeyondAnyCentreIsRefused() {
        assertThatThrownBy(() -> Staffing.desksNeeded(new StaffingQuestion(10_000, 480, 5, 0.8)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.code()).isEqualTo("load-beyond-planning"));
    }

    @Test
    void eachValueOutOfRangeIsRefusedAtItsParameter() {
        assertRefused(-1, 12, 5, 0.8, "invalid-rate", "/arrivalsPerHour");
        assertRefused(Double.NaN, 12, 5, 0.8, "invalid-rate", "/arrivalsPerHour");
        assertRefused(10_001, 12, 5, 0.8, "invalid-rate", "/arrivalsPerHour");
        assertRefused(60, 0, 5, 0.8, "invalid-service-time", "/meanServiceMinutes");
        assertRefused(60, Double.POSITIVE_INFINITY, 5, 0.8, "invalid-service-time", "/meanServiceMinutes");
        assertRefused(60, 12, -0.5, 0.8, "invalid-target-wait", "/targetWaitMinutes");
        assertRefused(60, 12, 5, 0, "invalid-share", "/share");
        assertRefused(60, 12, 5, 1.01, "invalid-share", "/share");
        assertThatThrownBy(() -> new StaffingQuestion(-1, 0, 5, 2))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.each().stream().map(InvalidInput::code))
                                .containsExactly("invalid-rate", "invalid-service-time", "invalid-share"));
    }

    static void assertRefused(double rate, double service, double target, double share, String code, String field) {
        assertThatThrownBy(() -> new StaffingQuestion(rate, service, target, share))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
