package app.nobat.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A slot template as {@link CalendarMessages.SlotTemplatePublished} stores it: the event's own
 * records, plain data, so that a change to {@link SlotTemplate} never changes what stored events
 * mean.
 */
public record StoredTemplate(List<Rule> rules) {

    public record Rule(List<DayOfWeek> days, LocalTime from, LocalTime until, int slotMinutes, int capacity) {}

    public static StoredTemplate of(SlotTemplate template) {
        return new StoredTemplate(template.rules().stream()
                .map(r -> new Rule(
                        r.days().stream().sorted().toList(), r.from(), r.until(), r.slotMinutes(), r.capacity()))
                .toList());
    }

    public SlotTemplate toTemplate() {
        return new SlotTemplate(
                rules == null
                        ? null
                        : rules.stream()
                                .map(r -> new SlotTemplate.Rule(
                                        r.days() == null ? null : Set.copyOf(r.days()),
                                        r.from(),
                                        r.until(),
                                        r.slotMinutes(),
                                        r.capacity()))
                                .toList());
    }
}
