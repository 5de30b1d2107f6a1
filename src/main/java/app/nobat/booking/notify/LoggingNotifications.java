package app.nobat.booking.notify;

import app.nobat.booking.privacy.VisitorContact;
import app.nobat.platform.sms.SmsGateway;
import app.nobat.platform.sms.SmsParts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway of the demo: it logs what would be sent — the message's reference (kind and event),
 * the phone masked and the parts it would take — never the text, which may hold a booking code (a
 * code is enough to cancel an appointment, and logs are read by many).
 */
public class LoggingNotifications implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifications.class);

    private final Map<MessageKind, AtomicLong> sent = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Outcome send(OutgoingSms sms) {
        SmsParts parts = SmsParts.of(sms.text());
        MessageKind kind = NotificationSender.kindOf(sms.reference());
        if (kind != null) {
            sent.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
        log.info(
                "SMS {} to {}: {} part(s), {}",
                sms.reference(),
                VisitorContact.maskPhone(sms.phone()),
                parts.parts().size(),
                parts.ucs2() ? "UCS-2" : "GSM 7-bit");
        return new Outcome.Accepted(List.of(sms.reference()));
    }

    private long count(MessageKind kind) {
        AtomicLong n = sent.get(kind);
        return n == null ? 0 : n.get();
    }

    /** Booked and moved appointments: the code and the time. */
    public long confirmationsSent() {
        return count(MessageKind.BOOKED) + count(MessageKind.MOVED);
    }

    public long remindersSent() {
        return count(MessageKind.REMINDER);
    }

    public long turnNearSent() {
        return count(MessageKind.TURN_NEAR);
    }

    public long goToDeskSent() {
        return count(MessageKind.GO_TO_DESK);
    }
}
