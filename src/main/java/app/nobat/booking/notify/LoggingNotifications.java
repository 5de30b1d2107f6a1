package app.nobat.booking.notify;

import app.nobat.booking.privacy.VisitorContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notification adapter that ships: it logs what would be sent, with the phone and the booking
 * code masked (a code is enough to cancel an appointment, and logs are read by many).
 */
public class LoggingNotifications implements VisitorNotifications {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifications.class);

    private final AtomicLong confirmations = new AtomicLong();
    private final AtomicLong reminders = new AtomicLong();
    private final AtomicLong turnNear = new AtomicLong();

    @Override
    public void confirm(Recipient to, String code, String centreId, String serviceCode, Instant slotStart) {
        confirmations.incrementAndGet();
        log.info("SMS to {} ({}): appointment {} booked for {} at {} on {}", VisitorContact.maskPhone(to.phone()),
                to.language(), maskCode(code), serviceCode, centreId, slotStart);
    }

    @Override
    public void remind(Recipient to, String code, String centreId, String serviceCode, Instant slotStart) {
        reminders.incrementAndGet();
        log.info("SMS to {} ({}): reminder of appointment {} for {} at {} on {}", VisitorContact.maskPhone(to.phone()),
                to.language(), maskCode(code), serviceCode, centreId, slotStart);
    }

    @Override
    public void turnNear(Recipient to, String ticket, String centreId, int position) {
        turnNear.incrementAndGet();
        log.info("SMS to {} ({}): ticket {} at {} is {} from the desk", VisitorContact.maskPhone(to.phone()),
                to.language(), ticket, centreId, position);
    }

    static String maskCode(String code) {
        return code == null || code.length() < 4 ? "****" : code.substring(0, 4) + "-****";
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
