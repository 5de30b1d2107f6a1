package app.nobat.platform.sms;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 through jsmpp: one transceiver session, bound on first use and again after it is lost,
 * submits each part with a delivery receipt requested; receipts come back on the same session.
 * Nothing here retries: a refusal before any part was taken is {@code Refused}, anything that may
 * have reached the centre is {@code Unknown}, and the caller decides.
 */
public class SmppSmsGateway implements SmsGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppSmsGateway.class);

    /** SMPP command_status values after which the same message can never be taken. */
    private static final List<Integer> PERMANENT = List.of(
            0x0A, // ESME_RINVSRCADR
            0x0B, // ESME_RINVDSTADR
            0x01, // ESME_RINVMSGLEN
            0x48, // ESME_RINVSRCTON
            0x49, // ESME_RINVSRCNPI
            0x50, // ESME_RINVDSTTON
            0x51 // ESME_RINVDSTNPI
            );

    /**
     * @param password from the environment (NOBAT_SMPP_PASSWORD), never from a file in the image
     * @param sourceAddress the sender id the centre registered with its operator
     */
    public record Settings(
            String host,
            int port,
            String systemId,
            String password,
            String systemType,
            String sourceAddress,
            int sourceTon,
            int sourceNpi,
            Duration timeout) {}

    private final Settings settings;
    private final Receipts receipts;
    private SMPPSession session;

    public SmppSmsGateway(Settings settings, Receipts receipts) {
        this.settings = settings;
        this.receipts = receipts;
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public synchronized Outcome send(OutgoingSms sms) {
        SMPPSession bound;
        try {
            bound = session();
        } catch (IOException e) {
            return new Outcome.Refused("bind failed: " + e.getMessage(), true);
        }
        SmsParts parts = SmsParts.of(sms.text());
        int reference = ThreadLocalRandom.current().nextInt(256);
        ESMClass esm = parts.concatenated()
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        GeneralDataCoding coding = new GeneralDataCoding(parts.ucs2() ? Alphabet.ALPHA_UCS2 : Alphabet.ALPHA_DEFAULT);
        String destination = sms.phone().startsWith("+") ? sms.phone().substring(1) : sms.phone();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < parts.parts().size(); i++) {
            try {
                ids.add(bound.submitShortMessage(
                                settings.systemType(),
                                TypeOfNumber.valueOf((byte) settings.sourceTon()),
                                NumberingPlanIndicator.valueOf((byte) settings.sourceNpi()),
                                settings.sourceAddress(),
                                TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN,
                                destination,
                                esm,
                                (byte) 0,
                                (byte) 1,
                                null,
                                null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                                (byte) 0,
                                coding,
                                (byte) 0,
                                parts.payload(i, reference))
                        .getMessageId());
            } catch (NegativeResponseException refused) {
                int status = refused.getCommandStatus();
                String reason = "submit_sm refused, status 0x" + Integer.toHexString(status);
                if (i == 0) {
                    return new Outcome.Refused(reason, !PERMANENT.contains(status));
                }
                // earlier parts are with the centre: sending the whole again would repeat them
                return new Outcome.Refused(reason + " at part " + (i + 1), false);
            } catch (Exception unclear) {
                // a timeout or a lost connection: the part may be with the centre
                drop();
                return new Outcome.Unknown("submit_sm " + unclear.getClass().getSimpleName());
            }
        }
        return new Outcome.Accepted(List.copyOf(ids));
    }

    private SMPPSession session() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.timeout().toMillis());
        fresh.setMessageReceiverListener(new ReceiptListener());
        fresh.connectAndBind(
                settings.host(),
                settings.port(),
                new BindParameter(
                        BindType.BIND_TRX,
                        settings.systemId(),
                        settings.password(),
                        settings.systemType(),
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null),
                settings.timeout().toMillis());
        session = fresh;
        return fresh;
    }

    private void drop() {
        if (session != null) {
            if (session.getSessionState() != SessionState.CLOSED) {
                session.unbindAndClose();
            }
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }

    /** Delivery receipts (deliver_sm with the receipt flag); other deliveries are answered and dropped. */
    private final class ReceiptListener implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                DeliveryReceiptState state = receipt.getFinalStatus();
                receipts.delivered(receipt.getId(), state == DeliveryReceiptState.DELIVRD, state.name());
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("unreadable SMPP delivery receipt: {}", e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not taken", 0x03);
        }
    }
}
