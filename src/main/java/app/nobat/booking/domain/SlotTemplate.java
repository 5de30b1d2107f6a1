package app.nobat.booking.domain;

import app.nobat.common.CommonRefusal;
import app.nobat.common.InvalidInput;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
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
            throw CommonRefusal.TOO_MANY_ITEMS.at("/rules", "member", "rules", "max", MAX_RULES);
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String at = "/rules/" + i;
            if (r == null) {
                throw CommonRefusal.REQUIRED.at(at, "member", "rule");
            }
            if (r.days().isEmpty()) {
                throw CommonRefusal.AT_LEAST_ONE.at(at + "/days", "member", "days");
            }
            if (r.from() == null) {
                throw CommonRefusal.REQUIRED.at(at + "/from", "member", "from");
            }
            if (r.until() == null || !r.from().isBefore(r.until())) {
                throw BookingRefusal.SLOT_RULE_ORDER.at(at + "/until");
            }
            if (r.slotMinutes() < 5 || r.slotMinutes() > 240) {
                throw CommonRefusal.OUT_OF_BOUNDS.at(
                        at + "/slotMinutes", "member", "slotMinutes", "min", 5, "max", 240);
            }
            if (r.capacity() < 1 || r.capacity() > MAX_CAPACITY) {
                throw CommonRefusal.OUT_OF_BOUNDS.at(
                        at + "/capacity", "member", "capacity", "min", 1, "max", MAX_CAPACITY);
            }
            for (int j = 0; j < i; j++) {
                Rule earlier = rules.get(j);
                if (earlier.equals(r)) {
                    throw BookingRefusal.DUPLICATE_SLOT_RULE.at(at, "rule", i, "other", j);
                }
                if (!Collections.disjoint(earlier.days(), r.days())
                        && r.from().isBefore(earlier.until())
                        && earlier.from().isBefore(r.until())) {
                    throw BookingRefusal.OVERLAPPING_SLOT_RULES.at(at, "rule", i, "other", j);
                }
            }
        }
    }
}
