package app.nobat.booking.notify;

import java.time.Instant;
import java.util.Optional;

/** Where a visitor's messages go, read at the moment of sending: empty once erased or expired. */
public interface VisitorContacts {

    Optional<Contact> find(String visitorRef, Instant now);

    /** @param bookingCode the appointment's code, null for a walk-in */
    record Contact(String phone, String language, String bookingCode) {}
}
