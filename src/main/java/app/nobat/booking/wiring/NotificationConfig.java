package app.nobat.booking.wiring;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.notify.AppointmentNotifier;
import app.nobat.booking.notify.LoggingNotifications;
import app.nobat.booking.notify.MessageTemplates;
import app.nobat.booking.notify.NotificationOutbox;
import app.nobat.booking.notify.NotificationSender;
import app.nobat.booking.notify.PhoneRateLimit;
import app.nobat.booking.notify.SenderSchedule;
import app.nobat.booking.notify.VisitorContacts;
import app.nobat.booking.privacy.IdentityKeys;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.booking.privacy.VisitorContact;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.web.WalkInContacts;
import app.nobat.platform.mongo.StoreDurability;
import app.nobat.platform.sms.HttpSmsGateway;
import app.nobat.platform.sms.SmppSmsGateway;
import app.nobat.platform.sms.SmsGateway;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Visitors' messages: the outbox, its sender on a thread of its own, and the configured gateway. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfig {

    @Bean
    NotificationOutbox notificationOutbox(MongoDatabase database, StoreDurability durability) {
        return new NotificationOutbox(database, durability);
    }

    @Bean
    MessageTemplates messageTemplates(MongoDatabase database) {
        return new MessageTemplates(database);
    }

    /** Closed (an SMPP session unbound) on shutdown by Spring's inferred close(). */
    @Bean
    SmsGateway smsGateway(NotificationSettings settings, NotificationOutbox outbox) {
        return switch (settings.gateway()) {
            case "log" -> new LoggingNotifications();
            case "smpp" -> {
                NotificationSettings.Smpp s = settings.smpp();
                require(s.host(), "nobat.notifications.smpp.host");
                require(s.systemId(), "nobat.notifications.smpp.system-id");
                yield new SmppSmsGateway(
                        new SmppSmsGateway.Settings(
                                s.host(),
                                s.port() == 0 ? 2775 : s.port(),
                                s.systemId(),
                                s.password() == null ? "" : s.password(),
                                s.systemType() == null ? "" : s.systemType(),
                                s.source() == null ? "" : s.source(),
                                s.sourceTon(),
                                s.sourceNpi(),
                                settings.sendTimeout()),
                        outbox::receipt);
            }
            case "http" -> {
                NotificationSettings.Http h = settings.http();
                require(h.url(), "nobat.notifications.http.url");
                yield new HttpSmsGateway(new HttpSmsGateway.Settings(
                        h.url(),
                        h.method(),
                        h.contentType(),
                        h.body(),
                        h.headers() == null ? Map.of() : h.headers(),
                        h.username(),
                        h.password(),
                        settings.sendTimeout()));
            }
            default ->
                throw new IllegalStateException(
                        "nobat.notifications.gateway is log, smpp or http, not " + settings.gateway());
        };
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is required for this gateway");
        }
    }

    /** The kiosk's walk-in phones, kept with the personal data until the end of the centre's day. */
    @Bean
    WalkInContacts walkInContacts(PersonalDataStore personal, CentreCatalog catalog, Clock clock) {
        return new WalkInContacts() {
            @Override
            public String checkedPhone(String typed) {
                return VisitorContact.normalizePhone(typed);
            }

            @Override
            public void remember(String centreId, String visitId, String phone, String language) {
                String ref = PersonalDataStore.walkInRef(visitId);
                if (personal.exists(ref)) {
                    return;
                }
                ZoneId zone = ZoneId.of(catalog.get(centreId).timeZone());
                Instant endOfDay = LocalDate.now(clock.withZone(zone))
                        .plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant();
                personal.save(
                        new PersonalDataStore.PersonalData(ref, centreId, null, null, phone, language, null, endOfDay));
            }
        };
    }

    @Bean
    VisitorContacts visitorContacts(PersonalDataStore personal) {
        return (visitorRef, now) -> personal.find(visitorRef)
                .filter(p -> p.retainUntil().isAfter(now))
                .map(p -> new VisitorContacts.Contact(p.phone(), p.language(), p.bookingCode()));
    }

    @Bean
    NotificationSender notificationSender(
            NotificationOutbox outbox,
            SmsGateway gateway,
            MessageTemplates templates,
            VisitorContacts contacts,
            MongoDatabase database,
            IdentityKeys keys,
            CentreCatalog catalog,
            NotificationSettings settings,
            Clock clock) {
        return new NotificationSender(
                outbox,
                gateway,
                templates,
                contacts,
                new PhoneRateLimit(database, settings.perPhone(), settings.perPhoneWindow()),
                keys::phoneKey,
                catalog,
                new NotificationSender.Policy(settings.maxAttempts(), settings.firstRetry(), settings.sendingLease()),
                clock);
    }

    /** Absent where tests drive the sender themselves ({@code nobat.notifications.worker-enabled=false}). */
    @Bean
    @ConditionalOnProperty(name = "nobat.notifications.worker-enabled", havingValue = "true", matchIfMissing = true)
    SenderSchedule senderSchedule(NotificationSender sender, NotificationSettings settings) {
        return new SenderSchedule(sender, settings.pollEvery());
    }

    @Bean
    AppointmentNotifier appointmentNotifier(
            NotificationOutbox outbox,
            ObjectProvider<SenderSchedule> schedule,
            Appointments appointments,
            PersonalDataStore personal,
            FloorQueries floors,
            BookingSettings settings,
            Clock clock) {
        return new AppointmentNotifier(
                outbox,
                () -> schedule.ifAvailable(SenderSchedule::wake),
                appointments,
                personal,
                floors,
                settings,
                clock);
    }
}
