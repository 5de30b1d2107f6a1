package app.nobat.platform.sms;

import java.util.List;

/**
 * Hands one text message to an SMS centre. An adapter answers only once the centre has answered
 * (or the send timed out): the caller records that answer before anything else is tried, so that
 * a message is never handed over twice.
 */
public interface SmsGateway {

    Outcome send(OutgoingSms sms);

    /** The name a supervisor and the log know this gateway by (log, smpp, http). */
    String name();

    /**
     * @param reference names the message in the centre's answers and our records (never the phone)
     * @param phone international form, {@code +98…} or {@code +93…}
     */
    record OutgoingSms(String reference, String phone, String text) {}

    /** What the centre answered. */
    sealed interface Outcome {

        /** Taken: the centre's message ids, one per part, for its delivery receipts. */
        record Accepted(List<String> messageIds) implements Outcome {}

        /**
         * Not taken, said so before anything was taken: trying again later cannot send it twice.
         * {@code retryable} is false when trying again cannot help (a malformed number, a refused
         * sender).
         */
        record Refused(String reason, boolean retryable) implements Outcome {}

        /** No clear answer (a timeout, a connection lost mid-send): it may have been sent; never resent. */
        record Unknown(String reason) implements Outcome {}
    }

    /** Delivery receipts the centre sends back later, by its message id. */
    interface Receipts {
        void delivered(String messageId, boolean delivered, String state);
    }
}
