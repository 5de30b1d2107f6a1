package app.nobat.booking.domain;

import app.nobat.common.InvalidInput;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a service's appointment slots are cut on each weekday: rules of the form "on these days,
 * from 08:00 until 12:00, a slot every 15 minutes with 4 seats". Slots outside the centre's
 * opening hours are dropped when a day's plan is made.
 */
public record SlotTemplate(List<Rule> rules) {

    public static final int MAX_CAPACITY = 1000;

    public record Rule(Set<DayOfWeek> days, LocalTime from, LocalTime until, int slotMinutes, int capacity) {
        public Rule {
            days = days == null ? Set.of() : Set.copyOf(new TreeSet<>(days));
        }
    }

    public SlotTemplate {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** More rules than any week needs; a bound on the work of cutting a day's plan. */
    public static final int MAX_RULES = 100;

    /**
     * Refuses a template whose rules overlap on a weekday: each slot of a day comes from one rule, so
     * no slot ever holds more than {@link #MAX_CAPACITY} seats, however the rules are repeated.
     *
     * @throws InvalidInput naming the first problem found by its JSON pointer ({@code /rules/1/capacity})
     */
    public void validate() {
        if (rules.size() > MAX_RULES) {
            throw InvalidInput.outOfRange("/rules", "A slot template has at most " + MAX_RULES + " rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String at = "/rules/" + i;
            if (r == null) {
                throw InvalidInput.required(at, "A slot rule must not be null");
            }
            if (r.days().isEmpty()) {
                throw InvalidInput.required(at + "/days", "A slot rule needs at least one weekday");
            }
            if (r.from() == null) {
                throw InvalidInput.required(at + "/from", "A slot rule needs 'from' (HH:mm)");
            }
            if (r.until() == null || !r.from().isBefore(r.until())) {
                throw InvalidInput.outOfRange(at + "/until", "A slot rule needs 'from' before 'until'");
            }
            if (r.slotMinutes() < 5 || r.slotMinutes() > 240) {
                throw InvalidInput.outOfRange(at + "/slotMinutes", "slotMinutes must be between 5 and 240");
            }
            if (r.capacity() < 1 || r.capacity() > MAX_CAPACITY) {
                throw InvalidInput.outOfRange(at + "/capacity", "capacity must be between 1 and " + MAX_CAPACITY);
            }
            for (int j = 0; j < i; j++) {
                Rule earlier = rules.get(j);
                if (earlier.equals(r)) {
                    throw new InvalidInput("duplicate-slot-rule", at,
                            "Slot rule " + i + " repeats rule " + j + "; a slot's seats are given once, by its capacity");
                }
                if (!java.util.Collections.disjoint(earlier.days(), r.days())
                        && r.from().isBefore(earlier.until()) && earlier.from().isBefore(r.until())) {
                    throw new InvalidInput("overlapping-slot-rules", at, "Slot rule " + i + " overlaps rule " + j
                            + " on a weekday they share; give each time of a day one rule");
                }
            }
        }
    }
}
