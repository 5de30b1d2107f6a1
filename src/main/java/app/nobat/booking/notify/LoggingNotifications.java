package app.nobat.booking.notify;

import app.nobat.booking.privacy.VisitorContact;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification adapter that ships: it logs what would be sent, naming the visitor by their
 * random reference, the phone masked and no part of the booking code (a code is enough to cancel an
 * appointment, and logs are read by many).
 */
public class LoggingNotifications implements VisitorNotifications {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifications.class);

    private final AtomicLong confirmations = new AtomicLong();
    private final AtomicLong reminders = new AtomicLong();
    private final AtomicLong turnNear = new AtomicLong();

    @Override
    public void confirm(Recipient to, String code, String centreId, String serviceCode, Instant slotStart) {
        confirmations.incrementAndGet();
        log.info(
                "SMS to {} of visitor {} ({}): appointment booked for {} at {} on {}",
                VisitorContact.maskPhone(to.phone()),
                to.visitorRef(),
                to.language(),
                serviceCode,
                centreId,
                slotStart);
    }

    @Override
    public void remind(Recipient to, String code, String centreId, String serviceCode, Instant slotStart) {
        reminders.incrementAndGet();
        log.info(
                "SMS to {} of visitor {} ({}): reminder of the appointment for {} at {} on {}",
                VisitorContact.maskPhone(to.phone()),
                to.visitorRef(),
                to.language(),
                serviceCode,
                centreId,
                slotStart);
    }

    @Override
    public void turnNear(Recipient to, String ticket, String centreId, int position) {
        turnNear.incrementAndGet();
        log.info(
                "SMS to {} ({}): ticket {} at {} is {} from the desk",
                VisitorContact.maskPhone(to.phone()),
                to.language(),
                ticket,
                centreId,
                position);
    }

    public long confirmationsSent() {
        return confirmations.get();
    }

    public long remindersSent() {
        return reminders.get();
    }

    public long turnNearSent() {
        return turnNear.get();
    }
}
