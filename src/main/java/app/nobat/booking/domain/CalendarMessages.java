package app.nobat.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Messages of a centre's {@link BookingCalendar}: slot templates and the centre's own holidays. */
public final class CalendarMessages {

    private CalendarMessages() {}

    /** The calendar's aggregate id: apart from the centre aggregate's, which is the bare centre id. */
    public static String calendarId(String centreId) {
        return "calendar:" + centreId;
    }

    /** Publishes (or replaces) a service's slot template; the same template again changes nothing. */
    public record PublishSlotTemplate(
            @TargetAggregateIdentifier String calendarId,
            String centreId,
            String serviceCode,
            SlotTemplate template,
            String by,
            Instant at) {}

    /** Closes the centre for appointments on a date, with the holiday's names by language. */
    public record DeclareHoliday(
            @TargetAggregateIdentifier String calendarId,
            String centreId,
            LocalDate date,
            Map<String, String> names,
            String by,
            Instant at) {}

    /** Opens a date that the national calendar or an earlier declaration closed. */
    public record LiftHoliday(
            @TargetAggregateIdentifier String calendarId, String centreId, LocalDate date, String by, Instant at) {}

    /** The booking calendar's events. */
    public sealed interface CalendarEvent permits SlotTemplatePublished, HolidayDeclared, HolidayLifted {}

    @Revision("1")
    public record SlotTemplatePublished(
            String centreId, String serviceCode, StoredTemplate template, String by, Instant at)
            implements CalendarEvent {

        public static SlotTemplatePublished of(
                String centreId, String serviceCode, SlotTemplate template, String by, Instant at) {
            return new SlotTemplatePublished(centreId, serviceCode, StoredTemplate.of(template), by, at);
        }

        public SlotTemplate slotTemplate() {
            return template.toTemplate();
        }
    }

    @Revision("1")
    public record HolidayDeclared(String centreId, LocalDate date, Map<String, String> names, String by, Instant at)
            implements CalendarEvent {}

    @Revision("1")
    public record HolidayLifted(String centreId, LocalDate date, String by, Instant at) implements CalendarEvent {}
}
