package app.nobat.booking.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.nobat.booking.domain.CalendarMessages.*;
import app.nobat.common.CommonRefusal;
import app.nobat.common.InvalidInput;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

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

    protected BookingCalendar() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(PublishSlotTemplate cmd) {
        if (cmd.template() == null) {
            throw CommonRefusal.REQUIRED.at("", "member", "template");
        }
        cmd.template().validate();
        if (cmd.template().equals(templates.get(cmd.serviceCode()))) {
            return false;
        }
        apply(SlotTemplatePublished.of(cmd.centreId(), cmd.serviceCode(), cmd.template(), cmd.by(), cmd.at()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DeclareHoliday cmd) {
        if (cmd.date() == null) {
            throw CommonRefusal.REQUIRED.at("date", "member", "date");
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
            throw CommonRefusal.AT_LEAST_ONE.at("/names", "member", "names");
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (name.getKey() == null || !HOLIDAY_LANGUAGES.contains(name.getKey())) {
                throw CommonRefusal.UNKNOWN_LANGUAGE.at("/names", "member", "names");
            }
            if (name.getValue() == null
                    || name.getValue().isBlank()
                    || name.getValue().length() > 200) {
                throw BookingRefusal.HOLIDAY_NAME_LENGTH.at("/names/" + name.getKey(), "max", 200);
            }
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(LiftHoliday cmd) {
        if (cmd.date() == null) {
            throw CommonRefusal.REQUIRED.with("member", "date");
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
        templates.put(e.serviceCode(), e.slotTemplate());
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
