package app.nobat.booking.wiring;

import app.nobat.booking.domain.CalendarMessages;
import app.nobat.booking.domain.DayBookEvent;
import app.nobat.booking.domain.IdentityGuardMessages;
import app.nobat.platform.axon.EventNames;

/**
 * Booking's stored event names: day books, calendars and identity guards. Stored names never change: a renamed or moved class keeps its name here. The third
 * column is the class name the type was stored under in data format 1; a type added later has none.
 */
public final class BookingEventNames {

    private BookingEventNames() {}

    public static final EventNames NAMES = EventNames.of(
                    DayBookEvent.class, CalendarMessages.CalendarEvent.class, IdentityGuardMessages.GuardEvent.class)
            .name(
                    "daybook.AppointmentBooked",
                    DayBookEvent.AppointmentBooked.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentBooked")
            .name(
                    "daybook.AppointmentCancelled",
                    DayBookEvent.AppointmentCancelled.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentCancelled")
            .name(
                    "daybook.AppointmentMoved",
                    DayBookEvent.AppointmentMoved.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentMoved")
            .name(
                    "daybook.AppointmentMovedOut",
                    DayBookEvent.AppointmentMovedOut.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentMovedOut")
            .name(
                    "daybook.AppointmentCheckedIn",
                    DayBookEvent.AppointmentCheckedIn.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentCheckedIn")
            .name(
                    "daybook.AppointmentMissed",
                    DayBookEvent.AppointmentMissed.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentMissed")
            .name(
                    "daybook.AppointmentReminderDue",
                    DayBookEvent.AppointmentReminderDue.class,
                    "app.nobat.booking.domain.DayBookEvent$AppointmentReminderDue")
            .name(
                    "daybook.BookingAbandoned",
                    DayBookEvent.BookingAbandoned.class,
                    "app.nobat.booking.domain.DayBookEvent$BookingAbandoned")
            .name(
                    "calendar.SlotTemplatePublished",
                    CalendarMessages.SlotTemplatePublished.class,
                    "app.nobat.booking.domain.CalendarMessages$SlotTemplatePublished")
            .name(
                    "calendar.HolidayDeclared",
                    CalendarMessages.HolidayDeclared.class,
                    "app.nobat.booking.domain.CalendarMessages$HolidayDeclared")
            .name(
                    "calendar.HolidayLifted",
                    CalendarMessages.HolidayLifted.class,
                    "app.nobat.booking.domain.CalendarMessages$HolidayLifted")
            .name(
                    "guard.IdentityClaimed",
                    IdentityGuardMessages.IdentityClaimed.class,
                    "app.nobat.booking.domain.IdentityGuardMessages$IdentityClaimed")
            .name(
                    "guard.IdentityReleased",
                    IdentityGuardMessages.IdentityReleased.class,
                    "app.nobat.booking.domain.IdentityGuardMessages$IdentityReleased")
            .build();
}
