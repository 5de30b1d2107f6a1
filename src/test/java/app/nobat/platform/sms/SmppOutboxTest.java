package app.nobat.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.notify.DeliveryState;
import app.nobat.booking.notify.MessageKind;
import app.nobat.booking.notify.MessageTemplates;
import app.nobat.booking.notify.NotificationOutbox;
import app.nobat.booking.notify.NotificationSender;
import app.nobat.booking.notify.PhoneRateLimit;
import app.nobat.booking.notify.VisitorContacts.Contact;
import app.nobat.centre.catalog.CentreCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's sender through the SMPP adapter to an SMS centre in this process: a Pashto reminder
 * refused once, sent at the retry as concatenated UCS-2 parts, and its delivery receipt recorded.
 */
class SmppOutboxTest {

    final MongoServer mongo = new MongoServer(new MemoryBackend());
    final MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + mongo.bind().getPort());
    final MongoDatabase database = client.getDatabase("nobat");
    final SmppSmsGatewayTest.TestSmsc smsc = new SmppSmsGatewayTest.TestSmsc();
    final NotificationOutbox outbox = new NotificationOutbox(database);
    SmppSmsGateway gateway;

    @AfterEach
    void close() throws Exception {
        gateway.close();
        smsc.close();
        client.close();
        mongo.shutdown();
    }

    @Test
    void refusedOnceThenSentInPartsAndItsReceiptRecorded() throws Exception {
        smsc.start();
        gateway = new SmppSmsGateway(
                new SmppSmsGateway.Settings(
                        "localhost", smsc.port, "nobat", "secret", "", "NOBAT", 5, 0, Duration.ofSeconds(5)),
                outbox::receipt);
        Instant start = Instant.parse("2026-12-05T06:00:00Z");
        Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        };
        NotificationSender sender = new NotificationSender(
                outbox,
                gateway,
                new MessageTemplates(database),
                (ref, now) -> Optional.of(new Contact("+93701234567", "ps", "7KQ4-M9XH")),
                new PhoneRateLimit(database, 5, Duration.ofMinutes(10)),
                phone -> "key",
                new CentreCatalog(database, new ObjectMapper()),
                new NotificationSender.Policy(3, Duration.ofSeconds(10), Duration.ofMinutes(2)),
                moving);
        outbox.enqueue(
                "reminder:event-1",
                MessageKind.REMINDER,
                "kabul-centre",
                "v-1",
                Map.of("service", "passport", "slotStart", "2026-12-06T04:30:00Z"),
                start);
        smsc.refuseNext.set(1);

        sender.drain();
        assertThat(outbox.find("reminder:event-1").orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(smsc.submitted).isEmpty();

        clock[0] = Clock.fixed(start.plusSeconds(11), ZoneOffset.UTC);
        sender.drain();

        NotificationOutbox.Entry sent = outbox.find("reminder:event-1").orElseThrow();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(smsc.submitted).hasSize(2);
        StringBuilder text = new StringBuilder();
        for (var sm : smsc.submitted) {
            assertThat(sm.getDataCoding()).isEqualTo((byte) 0x08);
            byte[] payload = sm.getShortMessage();
            text.append(new String(Arrays.copyOfRange(payload, 6, payload.length), StandardCharsets.UTF_16BE));
        }
        assertThat(text.toString()).startsWith("یادونه:").contains("\u200E7KQ4 M9XH\u200E");

        smsc.deliverReceipt(sent.gatewayIds().get(1), DeliveryReceiptState.DELIVRD);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outbox.find("reminder:event-1").orElseThrow().receipt() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(outbox.find("reminder:event-1").orElseThrow().receipt()).isEqualTo("DELIVERED");
    }
}
