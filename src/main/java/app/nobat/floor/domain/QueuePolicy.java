package app.nobat.floor.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Chooses the next ticket for a desk; pure, so that every call can be re-checked by replay. */
public final class QueuePolicy {

    /** A waiting ticket as the policy sees it. */
    public record Candidate(
            String visitId,
            PriorityClass priorityClass,
            Instant arrivedAt,
            long arrivalOrder,
            boolean appointmentBoost) {}

    /** The chosen ticket and why. */
    public record Choice(String visitId, CallReason reason) {}

    private final QueuePolicySettings settings;

    public QueuePolicy(QueuePolicySettings settings) {
        this.settings = settings;
    }

    /**
     * @param priorityStreak priority-class calls made in a row at this desk just before this one
     */
    public Optional<Choice> choose(Collection<Candidate> waiting, Instant now, int priorityStreak) {
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        boolean regularWaiting =
                waiting.stream().anyMatch(c -> !c.priorityClass().isPriority());
        boolean capReached = priorityStreak >= settings.maxPriorityInRow() && regularWaiting;
        return waiting.stream()
                .filter(c -> !capReached || !c.priorityClass().isPriority())
                .min(callOrder(now))
                .map(c -> new Choice(
                        c.visitId(),
                        new CallReason(
                                c.priorityClass(),
                                round(waitedMinutes(c, now)),
                                settings.weightOf(c.priorityClass()),
                                c.appointmentBoost() ? settings.appointmentBoost() : 0.0,
                                round(score(c, now)),
                                capReached)));
    }

    /**
     * The order in which one desk's call-next would call these waiting tickets if it called them
     * all now, one after another: each the {@link #choose} of those still waiting, with the limit
     * of priority calls in a row counted on from {@code priorityStreak}. A desk's waiting list is
     * numbered by it; new arrivals and the passing minutes may change it before the next call.
     */
    public List<Candidate> callSequence(Collection<Candidate> waiting, Instant now, int priorityStreak) {
        Comparator<Candidate> order = callOrder(now);
        Deque<Candidate> priority = new ArrayDeque<>(waiting.stream()
                .filter(c -> c.priorityClass().isPriority())
                .sorted(order)
                .toList());
        Deque<Candidate> regular = new ArrayDeque<>(waiting.stream()
                .filter(c -> !c.priorityClass().isPriority())
                .sorted(order)
                .toList());
        List<Candidate> sequence = new ArrayList<>(waiting.size());
        int streak = priorityStreak;
        while (!priority.isEmpty() || !regular.isEmpty()) {
            boolean capReached = streak >= settings.maxPriorityInRow() && !regular.isEmpty();
            Candidate next;
            if (capReached || priority.isEmpty()) {
                next = regular.poll();
            } else if (regular.isEmpty() || order.compare(priority.peek(), regular.peek()) < 0) {
                next = priority.poll();
            } else {
                next = regular.poll();
            }
            sequence.add(next);
            streak = next.priorityClass().isPriority() ? streak + 1 : 0;
        }
        return sequence;
    }

    /** The order in which this policy calls waiting tickets now: highest score first, ties by arrival. */
    public Comparator<Candidate> callOrder(Instant now) {
        return Comparator.<Candidate>comparingDouble(c -> -score(c, now))
                .thenComparing(Candidate::arrivedAt)
                .thenComparingLong(Candidate::arrivalOrder);
    }

    /**
     * Where a waiting ticket stands in its queue now: 1 + the others the policy would call before it.
     * (The cap on priority calls in a row depends on the desk, so it is left out of a position.)
     */
    public int positionOf(Candidate target, Collection<Candidate> queue, Instant now) {
        Comparator<Candidate> order = callOrder(now);
        return 1
                + (int) queue.stream()
                        .filter(c -> !c.visitId().equals(target.visitId()) && order.compare(c, target) < 0)
                        .count();
    }

    double score(Candidate c, Instant now) {
        return waitedMinutes(c, now) * settings.weightOf(c.priorityClass())
                + (c.appointmentBoost() ? settings.appointmentBoost() : 0.0);
    }

    private static double waitedMinutes(Candidate c, Instant now) {
        long millis = Math.max(0, Duration.between(c.arrivedAt(), now).toMillis());
        return millis / 60_000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
