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

    /** @throws InvalidInput naming the first problem found */
    public void validate() {
        for (Rule r : rules) {
            if (r.days().isEmpty()) {
                throw new InvalidInput("A slot rule needs at least one weekday");
            }
            if (r.from() == null || r.until() == null || !r.from().isBefore(r.until())) {
                throw new InvalidInput("A slot rule needs 'from' before 'until'");
            }
            if (r.slotMinutes() < 5 || r.slotMinutes() > 240) {
                throw new InvalidInput("slotMinutes must be between 5 and 240");
            }
            if (r.capacity() < 1 || r.capacity() > MAX_CAPACITY) {
                throw new InvalidInput("capacity must be between 1 and " + MAX_CAPACITY);
            }
        }
    }
}
