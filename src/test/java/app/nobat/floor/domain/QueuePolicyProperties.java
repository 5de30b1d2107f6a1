package app.nobat.floor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the published queue policy, simulated at one desk serving every arrival. */
class QueuePolicyProperties {

    static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");

    record Arrival(PriorityClass cls, int minute) {}

    @Provide
    Arbitrary<List<Arrival>> arrivals() {
        Arbitrary<PriorityClass> cls = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(PriorityClass.NONE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(PriorityClass.values())));
        return Combinators.combine(cls, Arbitraries.integers().between(0, 120))
                .as(Arrival::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(80);
    }

    @Provide
    Arbitrary<QueuePolicySettings> settings() {
        Arbitrary<Double> weight = Arbitraries.doubles().between(1.0, 5.0).ofScale(1);
        return Combinators.combine(weight, weight, Arbitraries.integers().between(1, 4))
                .as((w1, w2, cap) -> new QueuePolicySettings(
                        Map.of(
                                PriorityClass.ELDERLY,
                                w1,
                                PriorityClass.PREGNANT,
                                w2,
                                PriorityClass.MEDICAL_REFERRAL,
                                w2 + 1),
                        0.0,
                        cap));
    }

    /** The outcome of one simulated day: the order of calls. */
    record Day(List<Arrival> arrivals, List<Integer> callOrder, List<Integer> callMinutes) {}

    static Day simulate(List<Arrival> unsorted, QueuePolicySettings settings, int minutesPerCall) {
        List<Arrival> arrivals = unsorted.stream()
                .sorted(Comparator.comparingInt(Arrival::minute))
                .toList();
        QueuePolicy policy = new QueuePolicy(settings);
        Map<String, Integer> indexOf = new HashMap<>();
        List<QueuePolicy.Candidate> waiting = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        int next = 0;
        int streak = 0;
        for (int minute = 0; order.size() < arrivals.size(); minute += minutesPerCall) {
            while (next < arrivals.size() && arrivals.get(next).minute() <= minute) {
                Arrival a = arrivals.get(next);
                String id = "v" + next;
                indexOf.put(id, next);
                waiting.add(new QueuePolicy.Candidate(id, a.cls(), T0.plusSeconds(60L * a.minute()), next, false));
                next++;
            }
            var choice = policy.choose(waiting, T0.plusSeconds(60L * minute), streak);
            if (choice.isEmpty()) {
                continue;
            }
            String chosen = choice.get().visitId();
            waiting.removeIf(c -> c.visitId().equals(chosen));
            order.add(indexOf.get(chosen));
            minutes.add(minute);
            streak = choice.get().reason().priorityClass().isPriority() ? streak + 1 : 0;
        }
        return new Day(arrivals, order, minutes);
    }

    @Property(tries = 300)
    void everyTicketIsCalledExactlyOnceAndFifoWithinAClass(
            @ForAll("arrivals") List<Arrival> arrivals,
            @ForAll("settings") QueuePolicySettings settings,
            @ForAll @IntRange(min = 1, max = 6) int minutesPerCall) {
        Day day = simulate(arrivals, settings, minutesPerCall);
        assertThat(day.callOrder()).hasSize(arrivals.size()).doesNotHaveDuplicates();
        Map<PriorityClass, Integer> lastOfClass = new HashMap<>();
        for (int index : day.callOrder()) {
            PriorityClass cls = day.arrivals().get(index).cls();
            Integer previous = lastOfClass.put(cls, index);
            assertThat(previous == null || previous < index)
                    .as("FIFO within %s: %s called after %s", cls, index, previous)
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void aRegularTicketIsOvertakenAtMostCapTimesPerRegularTicketAheadOfIt(
            @ForAll("arrivals") List<Arrival> arrivals,
            @ForAll("settings") QueuePolicySettings settings,
            @ForAll @IntRange(min = 1, max = 6) int minutesPerCall) {
        Day day = simulate(arrivals, settings, minutesPerCall);
        List<Integer> order = day.callOrder();
        for (int pos = 0; pos < order.size(); pos++) {
            int ticket = order.get(pos);
            Arrival t = day.arrivals().get(ticket);
            if (t.cls().isPriority()) {
                continue;
            }
            // regular tickets that arrived before t and still waited when t arrived were ahead of it
            long ahead = 0;
            for (int p = 0; p < pos; p++) {
                int other = order.get(p);
                if (other < ticket
                        && !day.arrivals().get(other).cls().isPriority()
                        && day.callMinutes().get(p) >= t.minute()) {
                    ahead++;
                }
            }
            long overtakers =
                    order.subList(0, pos).stream().filter(i -> i > ticket).count();
            assertThat(overtakers)
                    .as("ticket %s (regular, %s regular ahead) overtaken by later arrivals", ticket, ahead)
                    .isLessThanOrEqualTo((ahead + 1) * settings.maxPriorityInRow());
        }
    }

    /** A desk's waiting list is numbered in the order its call-next would really call, limit included. */
    @Property(tries = 300)
    void theCallSequenceIsWhatRepeatedCallsNowWouldCall(
            @ForAll("arrivals") List<Arrival> arrivals,
            @ForAll("settings") QueuePolicySettings settings,
            @ForAll @IntRange(min = 0, max = 5) int priorityStreak) {
        QueuePolicy policy = new QueuePolicy(settings);
        Instant now = T0.plusSeconds(60L * 150);
        List<QueuePolicy.Candidate> waiting = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival a = arrivals.get(i);
            waiting.add(new QueuePolicy.Candidate("v" + i, a.cls(), T0.plusSeconds(60L * a.minute()), i, i % 5 == 0));
        }
        List<String> expected = new ArrayList<>();
        List<QueuePolicy.Candidate> left = new ArrayList<>(waiting);
        int streak = priorityStreak;
        while (!left.isEmpty()) {
            var choice = policy.choose(left, now, streak).orElseThrow();
            expected.add(choice.visitId());
            left.removeIf(c -> c.visitId().equals(choice.visitId()));
            streak = choice.reason().priorityClass().isPriority() ? streak + 1 : 0;
        }
        assertThat(policy.callSequence(waiting, now, priorityStreak).stream()
                        .map(QueuePolicy.Candidate::visitId)
                        .toList())
                .isEqualTo(expected);
    }
}
