package app.nobat.booking.appointments;

import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.domain.DayBookCommand.MarkMissed;
import app.nobat.booking.domain.DayBookCommand.MarkRemindersDue;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appointments' clock: marks missed what was not checked in by the end of its window, names
 * the reminders due, finishes moves cut short, and erases personal data past its retention.
 * Every step is idempotent, so several nodes may run it.
 */
public class AppointmentSweeps {

    private static final Logger log = LoggerFactory.getLogger(AppointmentSweeps.class);

    private final CommandGateway commands;
    private final CentreCatalog catalog;
    private final Appointments appointments;
    private final PersonalDataStore personal;
    private final BookingSettings settings;
    private final Clock clock;

    public AppointmentSweeps(
            CommandGateway commands,
            CentreCatalog catalog,
            Appointments appointments,
            PersonalDataStore personal,
            BookingSettings settings,
            Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.appointments = appointments;
        this.personal = personal;
        this.settings = settings;
        this.clock = clock;
    }

    public void sweep() {
        Instant now = clock.instant();
        int missed = 0;
        int reminders = 0;
        for (CentreProfile centre : catalog.all()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(centre.timeZone())));
            for (CentreProfile.Service service : centre.services()) {
                // a week back, so that days passed while no node was running are settled too
                for (LocalDate day = today.minusDays(7); !day.isAfter(today); day = day.plusDays(1)) {
                    missed +=
                            send(new MarkMissed(new DayBookId(centre.centreId(), service.code(), day).toString(), now));
                }
                long leadDays = settings.reminderLead().toDays() + 1;
                for (LocalDate day = today; !day.isAfter(today.plusDays(leadDays)); day = day.plusDays(1)) {
                    reminders += send(new MarkRemindersDue(
                            new DayBookId(centre.centreId(), service.code(), day).toString(),
                            settings.reminderLead(),
                            now));
                }
            }
        }
        int moves = appointments.finishInterruptedMoves();
        long purged = personal.purgeExpired(now);
        if (missed + reminders + moves + purged > 0) {
            log.info(
                    "Appointment sweep: {} missed, {} reminders due, {} interrupted moves finished, {} personal "
                            + "records past retention erased",
                    missed,
                    reminders,
                    moves,
                    purged);
        }
    }

    private int send(Object command) {
        try {
            Integer n = commands.sendAndWait(command);
            return n == null ? 0 : n;
        } catch (AggregateNotFoundException nobodyBooked) {
            return 0;
        }
    }
}
