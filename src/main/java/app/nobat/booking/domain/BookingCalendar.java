package app.nobat.booking.domain;

import app.nobat.booking.domain.CalendarMessages.*;
import app.nobat.common.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A centre's appointment calendar: each service's slot template, and the holidays the centre
 * declares or lifts on top of the national calendar. Every change is an audited event.
 */
public class BookingCalendar {

    @AggregateIdentifier
    private String calendarId;
    private final Map<String, SlotTemplate> templates = new HashMap<>();
    private final Map<LocalDate, Map<String, String>> declared = new TreeMap<>();
    private final Set<LocalDate> lifted = new HashSet<>();

    protected BookingCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(PublishSlotTemplate cmd) {
        if (cmd.template() == null) {
            throw new InvalidInput("A slot template is required");
        }
        cmd.template().validate();
        if (cmd.template().equals(templates.get(cmd.serviceCode()))) {
            return false;
        }
        apply(new SlotTemplatePublished(cmd.centreId(), cmd.serviceCode(), cmd.template(), cmd.by(), cmd.at()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DeclareHoliday cmd) {
        if (cmd.date() == null) {
            throw InvalidInput.required("date", "A holiday needs a date");
        }
        validateHolidayNames(cmd.names());
        if (Map.copyOf(cmd.names()).equals(declared.get(cmd.date())) && !lifted.contains(cmd.date())) {
            return false;
        }
        apply(new HolidayDeclared(cmd.centreId(), cmd.date(), Map.copyOf(cmd.names()), cmd.by(), cmd.at()));
        return true;
    }

    /** The languages a holiday is named in (those of the visitor screens). */
    public static final Set<String> HOLIDAY_LANGUAGES = Set.of("fa", "fa-AF", "ps", "en");

    /** @throws InvalidInput naming the first refused name by its JSON pointer ({@code /names/fa}) */
    public static void validateHolidayNames(Map<String, String> names) {
        if (names == null || names.isEmpty()) {
            throw InvalidInput.required("/names", "names: a holiday name in one or more of fa, fa-AF, ps, en");
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (name.getKey() == null || !HOLIDAY_LANGUAGES.contains(name.getKey())) {
                throw InvalidInput.outOfRange("/names", "names: only fa, fa-AF, ps and en are known languages");
            }
            if (name.getValue() == null || name.getValue().isBlank() || name.getValue().length() > 200) {
                throw InvalidInput.outOfRange("/names/" + name.getKey(),
                        "names: a holiday name is 1 to 200 characters");
            }
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(LiftHoliday cmd) {
        if (cmd.date() == null) {
            throw new InvalidInput("A date is required");
        }
        if (lifted.contains(cmd.date())) {
            return false;
        }
        apply(new HolidayLifted(cmd.centreId(), cmd.date(), cmd.by(), cmd.at()));
        return true;
    }

    @EventSourcingHandler
    void on(SlotTemplatePublished e) {
        calendarId = CalendarMessages.calendarId(e.centreId());
        templates.put(e.serviceCode(), e.template());
    }

    @EventSourcingHandler
    void on(HolidayDeclared e) {
        calendarId = CalendarMessages.calendarId(e.centreId());
        declared.put(e.date(), e.names());
        lifted.remove(e.date());
    }

    @EventSourcingHandler
    void on(HolidayLifted e) {
        calendarId = CalendarMessages.calendarId(e.centreId());
        declared.remove(e.date());
        lifted.add(e.date());
    }
}
