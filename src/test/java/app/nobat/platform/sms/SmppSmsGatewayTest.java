package app.nobat.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.platform.sms.SmsGateway.Outcome;
import app.nobat.platform.sms.SmsGateway.OutgoingSms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP adapter against an SMS centre in this process, built on jsmpp's server session. */
class SmppSmsGatewayTest {

    static final String PERSIAN = "نوبت شما در مرکز خدمات خلیج فارس برای تمدید اقامت ثبت شد: ۱۴۰۵/۰۹/۱۵ ساعت ۰۹:۳۰."
            + " کد نوبت: \u200E7KQ4 M9XH\u200E";

    final TestSmsc smsc = new TestSmsc();
    final List<String> receipts = new CopyOnWriteArrayList<>();
    SmppSmsGateway gateway;

    @BeforeEach
    void start() throws IOException {
        smsc.start();
        gateway = new SmppSmsGateway(
                new SmppSmsGateway.Settings(
                        "localhost", smsc.port, "nobat", "secret", "", "NOBAT", 5, 0, Duration.ofSeconds(5)),
                (id, delivered, state) -> receipts.add(id + ":" + delivered + ":" + state));
    }

    @AfterEach
    void stop() throws IOException {
        gateway.close();
        smsc.close();
    }

    @Test
    void aShortLatinMessageIsOneSubmitSmInTheDefaultAlphabet() {
        Outcome outcome = gateway.send(new OutgoingSms("booked:e1", "+989121234567", "Ticket A012: go to desk 3 now."));

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        assertThat(smsc.submitted).hasSize(1);
        SubmitSm sm = smsc.submitted.get(0);
        assertThat(sm.getDestAddress()).isEqualTo("989121234567");
        assertThat(sm.getSourceAddr()).isEqualTo("NOBAT");
        assertThat(sm.getDataCoding()).isZero();
        assertThat(sm.getEsmClass() & 0x40).as("no UDH").isZero();
        assertThat(new String(sm.getShortMessage(), StandardCharsets.US_ASCII))
                .isEqualTo("Ticket A012: go to desk 3 now.");
        assertThat(sm.getRegisteredDelivery() & 0x03)
                .as("a delivery receipt is asked for")
                .isEqualTo(1);
    }

    @Test
    void persianTextGoesAsConcatenatedUcs2PartsThatReassembleToTheMessage() {
        assertThat(PERSIAN.length()).isGreaterThan(SmsParts.UCS2_SINGLE).isLessThanOrEqualTo(2 * SmsParts.UCS2_PART);

        Outcome outcome = gateway.send(new OutgoingSms("booked:e2", "+93701234567", PERSIAN));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Accepted.class, a -> assertThat(a.messageIds()).hasSize(2));
        assertThat(smsc.submitted).hasSize(2);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int reference = -1;
        for (int i = 0; i < 2; i++) {
            SubmitSm sm = smsc.submitted.get(i);
            assertThat(sm.getDataCoding()).as("UCS-2").isEqualTo((byte) 0x08);
            assertThat(sm.getEsmClass() & 0x40).as("UDHI set").isEqualTo(0x40);
            byte[] payload = sm.getShortMessage();
            assertThat(Arrays.copyOfRange(payload, 0, 3)).containsExactly(0x05, 0x00, 0x03);
            if (reference < 0) {
                reference = payload[3] & 0xff;
            }
            assertThat(payload[3] & 0xff).as("one reference for all parts").isEqualTo(reference);
            assertThat(payload[4]).as("parts").isEqualTo((byte) 2);
            assertThat(payload[5]).as("this part").isEqualTo((byte) (i + 1));
            assertThat(payload.length - 6).as("at most 67 UCS-2 characters").isLessThanOrEqualTo(134);
            text.write(payload, 6, payload.length - 6);
        }
        assertThat(new String(text.toByteArray(), StandardCharsets.UTF_16BE)).isEqualTo(PERSIAN);
    }

    @Test
    void aRefusalBeforeAnythingWasTakenMayBeRetriedAndTheRetryIsTaken() {
        smsc.refuseNext.set(1);

        Outcome first = gateway.send(new OutgoingSms("turn-near:v1", "+989121234567", "Your turn is near."));
        Outcome second = gateway.send(new OutgoingSms("turn-near:v1", "+989121234567", "Your turn is near."));

        assertThat(first).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.retryable()).isTrue();
            assertThat(r.reason()).contains("0x58");
        });
        assertThat(second).isInstanceOf(Outcome.Accepted.class);
        assertThat(smsc.submitted).as("the refused one was not taken").hasSize(1);
    }

    @Test
    void anInvalidDestinationIsNotWorthRetrying() {
        smsc.refuseWith.set(0x0B);
        smsc.refuseNext.set(1);

        Outcome outcome = gateway.send(new OutgoingSms("booked:e3", "+989121234567", "x"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.retryable()).isFalse());
    }

    @Test
    void aCentreThatIsDownIsARefusalWorthRetrying() throws IOException {
        smsc.close();

        Outcome outcome = gateway.send(new OutgoingSms("booked:e4", "+989121234567", "x"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.retryable()).isTrue());
    }

    @Test
    void aDeliveryReceiptComesBackForTheMessageId() throws Exception {
        Outcome outcome = gateway.send(new OutgoingSms("booked:e5", "+989121234567", "Booked."));
        String id = ((Outcome.Accepted) outcome).messageIds().get(0);

        smsc.deliverReceipt(id, DeliveryReceiptState.DELIVRD);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receipts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receipts).containsExactly(id + ":true:DELIVRD");
    }

    /** An SMS centre: binds every session, takes submit_sm (or refuses the next ones), sends receipts. */
    static final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {

        final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
        final AtomicInteger refuseNext = new AtomicInteger();
        final AtomicInteger refuseWith = new AtomicInteger(0x58); // ESME_RTHROTTLED
        final AtomicInteger ids = new AtomicInteger();
        final LinkedBlockingQueue<SMPPServerSession> sessions = new LinkedBlockingQueue<>();
        int port;
        private SMPPServerSessionListener listener;
        private Thread acceptor;

        void start() throws IOException {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            listener = new SMPPServerSessionListener(port);
            listener.setMessageReceiverListener(this);
            acceptor = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        SMPPServerSession session = listener.accept();
                        session.waitForBind(5000).accept("test-smsc");
                        sessions.add(session);
                    } catch (Exception stopped) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        void deliverReceipt(String messageId, DeliveryReceiptState state) throws Exception {
            SMPPServerSession session = sessions.peek();
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, new Date(), new Date(), state, "000", "");
            session.deliverShortMessage(
                    "",
                    TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN,
                    "989121234567",
                    TypeOfNumber.ALPHANUMERIC,
                    NumberingPlanIndicator.UNKNOWN,
                    "NOBAT",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0,
                    (byte) 0,
                    new RegisteredDelivery(0),
                    DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("refused", refuseWith.get());
            }
            submitted.add(submitSm);
            try {
                return new SubmitSmResult(new MessageId("m" + ids.incrementAndGet()), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("id", 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 0x03);
        }

        @Override
        public void close() throws IOException {
            for (SMPPServerSession s : sessions) {
                s.unbindAndClose();
            }
            if (listener != null) {
                listener.close();
                listener = null;
            }
            if (acceptor != null) {
                acceptor.interrupt();
            }
        }
    }
}
