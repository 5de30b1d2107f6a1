package app.nobat.booking.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.notify.VisitorContacts.Contact;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.platform.sms.SmsGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox and its sender: once per event, retries only what was refused, nothing to an erased contact. */
class NotificationSenderTest {

    static final String PHONE = "+989121234567";

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    final MongoDatabase database = client.getDatabase("nobat");
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
    final NotificationOutbox outbox = new NotificationOutbox(database);
    final Map<String, Contact> contacts = new ConcurrentHashMap<>(Map.of(
            "v-fa", new Contact(PHONE, "fa", "7KQ4-M9XH"), "v-en", new Contact("+93701234567", "en", "ABCD-EFGH")));
    final FakeGateway gateway = new FakeGateway();
    int perPhone = 5;

    @AfterEach
    void close() {
        client.close();
        server.shutdown();
    }

    NotificationSender sender() {
        return new NotificationSender(
                outbox,
                gateway,
                new MessageTemplates(database),
                (ref, now) -> Optional.ofNullable(contacts.get(ref)),
                new PhoneRateLimit(database, perPhone, Duration.ofMinutes(10)),
                phone -> "key-" + phone.hashCode(),
                new CentreCatalog(database, new ObjectMapper()),
                new NotificationSender.Policy(3, Duration.ofSeconds(10), Duration.ofMinutes(2)),
                clock);
    }

    boolean owe(String id, String visitorRef) {
        return outbox.enqueue(
                id,
                NotificationSender.kindOf(id),
                "persian-gulf",
                visitorRef,
                Map.of("service", "residence", "slotStart", "2026-12-06T06:00:00Z"),
                clock.instant());
    }

    DeliveryState state(String id) {
        return outbox.find(id).orElseThrow().state();
    }

    @Test
    void anEventsMessageIsSentOnceInTheVisitorsLanguageWithTheCodeToReadAloud() {
        assertThat(owe("booked:event-1", "v-fa")).isTrue();
        assertThat(owe("booked:event-1", "v-fa"))
                .as("a redelivered event owes nothing more")
                .isFalse();

        sender().drain();
        sender().drain();

        assertThat(gateway.sent).hasSize(1);
        SmsGateway.OutgoingSms sms = gateway.sent.get(0);
        assertThat(sms.phone()).isEqualTo(PHONE);
        assertThat(sms.text()).startsWith("نوبت شما در").contains("۱۴۰۵/۰۹/۱۵", "۰۹:۳۰", "\u200E7KQ4 M9XH\u200E");
        assertThat(state("booked:event-1")).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void englishTextsKeepLatinDigitsAndGregorianDates() {
        owe("reminder:event-2", "v-en");

        sender().drain();

        assertThat(gateway.sent.get(0).text())
                .isEqualTo("Reminder: your appointment at persian-gulf for residence is on 2026-12-06 at 09:30."
                        + " Booking code: \u200EABCD EFGH\u200E");
    }

    @Test
    void theOutboxHoldsNeitherThePhoneNorTheCode() {
        owe("booked:event-3", "v-fa");
        sender().drain();

        String stored = database.getCollection(NotificationOutbox.COLLECTION)
                .find()
                .map(Document::toJson)
                .into(new CopyOnWriteArrayList<>())
                .toString();
        assertThat(stored).doesNotContain("912123", "7KQ4", "M9XH").contains("v-fa");
    }

    @Test
    void aRefusalIsRetriedWithBackoffUntilTaken() {
        gateway.answers.add(new SmsGateway.Outcome.Refused("HTTP 503", true));
        owe("booked:event-4", "v-fa");

        sender().drain();
        assertThat(state("booked:event-4")).isEqualTo(DeliveryState.PENDING);
        sender().drain();
        assertThat(gateway.calls).as("not before its time").isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        sender().drain();

        assertThat(gateway.calls).isEqualTo(2);
        assertThat(state("booked:event-4")).isEqualTo(DeliveryState.SENT);
        assertThat(outbox.find("booked:event-4").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void refusedAtEveryAttemptItIsGivenUp() {
        for (int i = 0; i < 3; i++) {
            gateway.answers.add(new SmsGateway.Outcome.Refused("HTTP 500", true));
        }
        owe("booked:event-5", "v-fa");

        for (int i = 0; i < 5; i++) {
            sender().drain();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(gateway.calls).isEqualTo(3);
        assertThat(state("booked:event-5")).isEqualTo(DeliveryState.GAVE_UP);
    }

    @Test
    void aRefusalThatARetryCannotMendFailsAtOnce() {
        gateway.answers.add(new SmsGateway.Outcome.Refused("HTTP 400", false));
        owe("booked:event-6", "v-fa");

        sender().drain();
        clock.advance(Duration.ofHours(1));
        sender().drain();

        assertThat(gateway.calls).isEqualTo(1);
        assertThat(state("booked:event-6")).isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void anUnclearAnswerIsNeverResent() {
        gateway.answers.add(new SmsGateway.Outcome.Unknown("timeout"));
        owe("booked:event-7", "v-fa");

        sender().drain();
        clock.advance(Duration.ofHours(1));
        sender().drain();

        assertThat(gateway.calls).isEqualTo(1);
        assertThat(state("booked:event-7")).isEqualTo(DeliveryState.UNKNOWN);
    }

    @Test
    void aMessageLeftSendingByACrashIsRecordedUnknownAndNeverSent() {
        owe("booked:event-8", "v-fa");
        // a node claimed it (the durable mark before the hand-over) and died
        assertThat(outbox.claimDue(clock.instant())).isPresent();

        sender().drain();
        assertThat(state("booked:event-8"))
                .as("within the lease it may still be under way")
                .isEqualTo(DeliveryState.SENDING);
        clock.advance(Duration.ofMinutes(3));
        sender().drain();

        assertThat(gateway.calls).isZero();
        assertThat(state("booked:event-8")).isEqualTo(DeliveryState.UNKNOWN);
    }

    @Test
    void nothingGoesToAnErasedContact() {
        owe("booked:event-9", "v-fa");
        contacts.remove("v-fa");

        sender().drain();

        assertThat(gateway.calls).isZero();
        assertThat(state("booked:event-9")).isEqualTo(DeliveryState.NO_CONTACT);
    }

    @Test
    void onePhoneGetsAtMostItsShareInTheWindow() {
        perPhone = 2;
        owe("booked:event-10", "v-fa");
        owe("moved:event-11", "v-fa");
        owe("reminder:event-12", "v-fa");

        sender().drain();

        assertThat(gateway.calls).isEqualTo(2);
        assertThat(state("reminder:event-12")).isEqualTo(DeliveryState.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(11));
        owe("turn-near:visit-1", "v-fa");
        sender().drain();
        assertThat(state("turn-near:visit-1")).as("a new window").isEqualTo(DeliveryState.SENT);
    }

    @Test
    void countsAreByStateForTheCentre() {
        gateway.answers.add(new SmsGateway.Outcome.Refused("HTTP 400", false));
        owe("booked:event-13", "v-fa");
        owe("booked:event-14", "v-en");
        sender().drain();

        NotificationOutbox.Counts counts =
                outbox.counts("persian-gulf", clock.instant().minusSeconds(60));

        assertThat(counts.byState())
                .containsEntry(DeliveryState.FAILED, 1L)
                .containsEntry(DeliveryState.SENT, 1L)
                .containsEntry(DeliveryState.UNKNOWN, 0L);
    }

    @Test
    void aDeliveryReceiptMarksTheMessage() {
        owe("booked:event-15", "v-fa");
        sender().drain();

        outbox.receipt("booked:event-15", true, "DELIVRD");

        assertThat(outbox.find("booked:event-15").orElseThrow().receipt()).isEqualTo("DELIVERED");
        assertThat(outbox.counts("persian-gulf", clock.instant().minusSeconds(60))
                        .delivered())
                .isEqualTo(1);
    }

    @Test
    void handledMessagesAreForgottenAfterAMonthButNotTheirOnceOnlyKeyBefore() {
        owe("booked:event-16", "v-fa");
        NotificationSender sender = sender();
        sender.drain();

        clock.advance(Duration.ofDays(30));
        sender.drain();
        assertThat(owe("booked:event-16", "v-fa")).as("still known").isFalse();

        clock.advance(Duration.ofDays(2));
        sender.drain();
        assertThat(outbox.find("booked:event-16")).isEmpty();
    }

    /** Answers from a queue (taken when empty) and records what it was handed. */
    static final class FakeGateway implements SmsGateway {
        final Deque<Outcome> answers = new ArrayDeque<>();
        final List<OutgoingSms> sent = new CopyOnWriteArrayList<>();
        int calls;

        @Override
        public Outcome send(OutgoingSms sms) {
            calls++;
            Outcome answer = answers.isEmpty() ? new Outcome.Accepted(List.of(sms.reference())) : answers.poll();
            if (answer instanceof Outcome.Accepted) {
                sent.add(sms);
            }
            return answer;
        }

        @Override
        public String name() {
            return "fake";
        }
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
