package app.nobat.floor.web;

/**
 * Where the arrival endpoint leaves a walk-in's phone, given at the kiosk for "your turn is near"
 * and "go to desk N now": with the visitors' personal data, never in an event, kept until the end of
 * the centre's day.
 */
public interface WalkInContacts {

    /**
     * @return the phone in canonical form
     * @throws app.nobat.common.InvalidInput {@code phone-invalid} at {@code /phone}
     */
    String checkedPhone(String typed);

    /** Idempotent: a repeated arrival keeps the phone given first. */
    void remember(String centreId, String visitId, String phone, String language);
}
