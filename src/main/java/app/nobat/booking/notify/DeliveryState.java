package app.nobat.booking.notify;

/** Where a message stands in the outbox; every state but the first two is final. */
public enum DeliveryState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Handed to a gateway, no answer recorded yet; written before the hand-over. */
    SENDING,
    /** The gateway took it. */
    SENT,
    /** The gateway refused it in a way that trying again cannot mend. */
    FAILED,
    /** Refused at every attempt. */
    GAVE_UP,
    /** Its sending was cut short (a timeout, a crash): it may have gone out, so it is never resent. */
    UNKNOWN,
    /** The phone had its share of messages for now. */
    RATE_LIMITED,
    /** The visitor's contact was erased or expired before it could go. */
    NO_CONTACT
}
