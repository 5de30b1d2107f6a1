package app.nobat.booking.notify;

import app.nobat.booking.notify.NotificationOutbox.Entry;
import app.nobat.booking.notify.VisitorContacts.Contact;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.JalaliDates;
import app.nobat.platform.sms.SmsGateway;
import app.nobat.platform.sms.SmsGateway.Outcome;
import app.nobat.platform.sms.SmsGateway.OutgoingSms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the outbox off the command path: takes each due message (marked sending first), reads the
 * visitor's contact at that moment, writes the text in the visitor's language and hands it to the
 * gateway once, then records the answer — retrying refusals with a doubling delay, never a message
 * that may have gone out. Records and logs name the message, never the phone.
 */
public class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param sendingLease longer than any send can take (the gateway's timeouts): a message marked
     *     sending for longer was cut short by a crash
     */
    public record Policy(int maxAttempts, Duration firstRetry, Duration sendingLease) {}

    private final NotificationOutbox outbox;
    private final SmsGateway gateway;
    private final MessageTemplates templates;
    private final VisitorContacts contacts;
    private final PhoneRateLimit rateLimit;
    private final UnaryOperator<String> phoneKey;
    private final CentreCatalog catalog;
    private final Policy policy;
    private final Clock clock;
    private Instant purgedAt = Instant.MIN;

    /** Handled messages are kept this long for the supervisors' counts and then forgotten. */
    static final Duration KEEP_HANDLED = Duration.ofDays(31);

    public NotificationSender(
            NotificationOutbox outbox,
            SmsGateway gateway,
            MessageTemplates templates,
            VisitorContacts contacts,
            PhoneRateLimit rateLimit,
            UnaryOperator<String> phoneKey,
            CentreCatalog catalog,
            Policy policy,
            Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.templates = templates;
        this.contacts = contacts;
        this.rateLimit = rateLimit;
        this.phoneKey = phoneKey;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
    }

    /** The outbox id of a message: its kind, then what makes it once-only (an event id, a visit). */
    static String id(MessageKind kind, String once) {
        return kind.key() + ":" + once;
    }

    /** The kind an outbox id names, or null. */
    static MessageKind kindOf(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? null : MessageKind.byKey(id.substring(0, colon)).orElse(null);
    }

    /** Sends everything due now. @return how many messages were handled */
    public int drain() {
        Instant now = clock.instant();
        long abandoned = outbox.abandonSendingBefore(now.minus(policy.sendingLease()), now);
        if (abandoned > 0) {
            log.warn("{} message(s) were being sent when a node stopped: recorded as unknown, not resent", abandoned);
        }
        if (purgedAt.isBefore(now.minus(Duration.ofHours(1)))) {
            outbox.purgeDoneBefore(now.minus(KEEP_HANDLED));
            purgedAt = now;
        }
        int handled = 0;
        for (Optional<Entry> due = outbox.claimDue(now); due.isPresent(); due = outbox.claimDue(clock.instant())) {
            handle(due.get());
            handled++;
        }
        return handled;
    }

    private void handle(Entry entry) {
        Instant now = clock.instant();
        Optional<Contact> contact = contacts.find(entry.visitorRef(), now);
        if (contact.isEmpty() || contact.get().phone() == null) {
            outbox.finish(entry.id(), DeliveryState.NO_CONTACT, "contact erased or expired", now);
            return;
        }
        Contact to = contact.get();
        String phone = phoneKey.apply(to.phone());
        if (!rateLimit.allows(phone, now)) {
            outbox.finish(entry.id(), DeliveryState.RATE_LIMITED, "phone rate limit", now);
            log.info("SMS {} not sent: the phone's rate limit", entry.id());
            return;
        }
        String text;
        try {
            text = MessageTemplates.render(templates.text(entry.kind(), to.language()), values(entry, to));
        } catch (RuntimeException e) {
            outbox.finish(
                    entry.id(), DeliveryState.FAILED, "text: " + e.getClass().getSimpleName(), now);
            return;
        }
        Outcome outcome;
        try {
            outcome = gateway.send(new OutgoingSms(entry.id(), to.phone(), text));
        } catch (RuntimeException e) {
            outcome = new Outcome.Unknown(e.getClass().getSimpleName());
        }
        Instant answered = clock.instant();
        if (outcome instanceof Outcome.Accepted a) {
            rateLimit.handedOver(phone, answered);
            outbox.sent(entry.id(), gateway.name(), a.messageIds(), answered);
        } else if (outcome instanceof Outcome.Refused r && r.retryable() && entry.attempts() < policy.maxAttempts()) {
            Duration delay = policy.firstRetry().multipliedBy(1L << Math.min(entry.attempts() - 1, 16));
            outbox.retryAt(entry.id(), r.reason(), answered.plus(delay));
            log.info("SMS {} refused ({}), attempt {}: again in {}", entry.id(), r.reason(), entry.attempts(), delay);
        } else if (outcome instanceof Outcome.Refused r && r.retryable()) {
            outbox.finish(entry.id(), DeliveryState.GAVE_UP, r.reason(), answered);
            log.warn("SMS {} given up after {} attempts: {}", entry.id(), entry.attempts(), r.reason());
        } else if (outcome instanceof Outcome.Refused r) {
            outbox.finish(entry.id(), DeliveryState.FAILED, r.reason(), answered);
            log.warn("SMS {} failed: {}", entry.id(), r.reason());
        } else if (outcome instanceof Outcome.Unknown u) {
            rateLimit.handedOver(phone, answered);
            outbox.finish(entry.id(), DeliveryState.UNKNOWN, u.reason(), answered);
            log.warn("SMS {} may or may not have gone out ({}): not resent", entry.id(), u.reason());
        }
    }

    /** The placeholders' values in the visitor's language. */
    private Map<String, String> values(Entry entry, Contact to) {
        String language = to.language();
        Optional<CentreProfile> centre = catalog.find(entry.centreId());
        Map<String, String> v = new HashMap<>();
        v.put(
                "centre",
                centre.map(c -> named(c.names(), language, c.centreId())).orElse(entry.centreId()));
        String service = entry.values().get("service");
        if (service != null) {
            v.put(
                    "service",
                    centre.flatMap(c -> c.services().stream()
                                    .filter(s -> s.code().equals(service))
                                    .findFirst())
                            .map(s -> named(s.names(), language, service))
                            .orElse(service));
        }
        String slotStart = entry.values().get("slotStart");
        if (slotStart != null) {
            ZoneId zone = centre.map(c -> ZoneId.of(c.timeZone())).orElse(ZoneId.of("Asia/Tehran"));
            ZonedDateTime at = Instant.parse(slotStart).atZone(zone);
            v.put(
                    "date",
                    localDigits(
                            language.equals("en")
                                    ? at.toLocalDate().toString()
                                    : JalaliDates.format(at.toLocalDate()).replace('-', '/'),
                            language));
            v.put("time", localDigits(TIME.format(at), language));
        }
        if (to.bookingCode() != null) {
            v.put("code", readAloud(to.bookingCode()));
        }
        String desk = entry.values().get("desk");
        if (desk != null) {
            v.put(
                    "desk",
                    centre.flatMap(c -> c.desks().stream()
                                    .filter(d -> d.deskId().equals(desk))
                                    .findFirst())
                            .map(d -> named(d.names(), language, desk))
                            .orElse(desk));
        }
        putIfPresent(v, "ticket", entry.values().get("ticket"));
        String position = entry.values().get("position");
        if (position != null) {
            v.put("position", localDigits(position, language));
        }
        return v;
    }

    private static void putIfPresent(Map<String, String> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    private static String named(Map<String, String> names, String language, String fallback) {
        if (names == null || names.isEmpty()) {
            return fallback;
        }
        String name = names.get(language);
        if (name == null && language.equals("fa-AF")) {
            name = names.get("fa");
        }
        return name != null ? name : names.getOrDefault("fa", fallback);
    }

    /**
     * A booking code as one reads it out: its two groups of four apart, kept left to right inside
     * right-to-left text (LRM marks, which every phone shows), e.g. {@code 7KQ4 M9XH}. Its alphabet
     * has no 0/O or 1/I/L to mishear.
     */
    static String readAloud(String code) {
        String compact = code.replace("-", "");
        String grouped = compact.length() == 8 ? compact.substring(0, 4) + " " + compact.substring(4) : compact;
        return "\u200E" + grouped + "\u200E";
    }

    /** Persian and Pashto texts write numbers in Eastern Arabic-Indic digits. */
    static String localDigits(String latin, String language) {
        if (language.equals("en")) {
            return latin;
        }
        StringBuilder out = new StringBuilder(latin.length());
        for (char c : latin.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }
}
