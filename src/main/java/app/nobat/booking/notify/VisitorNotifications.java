package app.nobat.booking.notify;

import java.time.Instant;

/**
 * Outbound messages to a visitor's phone. The shipped adapter writes them to the log; an SMS
 * gateway is another adapter of this port.
 */
public interface VisitorNotifications {

    /** The appointment is booked (or moved): its code and time, so that a lost answer loses nothing. */
    void confirm(Recipient to, String code, String centreId, String serviceCode, Instant slotStart);

    /** The appointment is coming up. */
    void remind(Recipient to, String code, String centreId, String serviceCode, Instant slotStart);

    /** The visit's turn is near: {@code position} tickets to go. */
    void turnNear(Recipient to, String ticket, String centreId, int position);

    /**
     * Where a message goes: a phone number and the visitor's language; the visitor's random
     * reference names the message in logs and records instead of the phone or the code.
     */
    record Recipient(String visitorRef, String phone, String language) {}
}
