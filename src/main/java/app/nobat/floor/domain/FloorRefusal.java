package app.nobat.floor.domain;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What the floor refuses: desks, calls, tickets and the day (see {@link Refusal}). */
public enum FloorRefusal implements Refusal {
    REQUEST_ID_REUSED(
            "request-id-reused",
            CONFLICT,
            "Request id {requestId} was already used for another request; use a new request id for each"),
    REQUEST_ID_REQUIRED(
            "request-id-required",
            INVALID,
            "call-next needs a requestId (body) or an "
                    + "Idempotency-Key header, so that a repeated click never calls a second ticket"),
    MALFORMED_REQUEST_ID("malformed-request-id", INVALID, "requestId is 1 to 100 letters, digits or . _ : -"),
    VISIT_EXISTS("visit-exists", CONFLICT, "Visit {visit} is already registered"),
    SERVICE_OR_APPOINTMENT_REQUIRED(
            "service-or-appointment-required",
            INVALID,
            "serviceCode (walk-in) or appointmentCode (check-in) is required"),
    SERVICE_NOT_AT_DESK("service-not-at-desk", CONFLICT, "Desk {desk} does not serve {service}; it serves {services}"),
    DESK_OPEN("desk-open", CONFLICT, "Desk {desk} is already open"),
    STAFF_AT_ANOTHER_DESK(
            "staff-at-another-desk", CONFLICT, "You already hold desk {heldDesk}; close it before opening desk {desk}"),
    DESK_PAUSED("desk-paused", CONFLICT, "Desk {desk} is paused; resume it first"),
    DESK_NOT_PAUSED("desk-not-paused", CONFLICT, "Desk {desk} is not paused"),
    DESK_CLOSED("desk-closed", CONFLICT, "Desk {desk} is not open"),
    DESK_BUSY(
            "desk-busy",
            CONFLICT,
            "Desk {desk} already has ticket {ticket} {state}; "
                    + "complete, transfer, cancel or mark it no-show first"),
    NOT_YOUR_DESK(
            "not-your-desk",
            FORBIDDEN,
            "Desk {desk} was opened by another staff member; desk staff act only at a desk they opened"),
    QUEUE_EMPTY("queue-empty", CONFLICT, "No ticket is waiting for the services of desk {desk}"),
    RECALLS_EXHAUSTED(
            "recalls-exhausted",
            CONFLICT,
            "Ticket {ticket} was recalled {recalls} times already; mark it no-show instead"),
    RECALLS_REMAINING(
            "recalls-remaining",
            CONFLICT,
            "Ticket {ticket} was recalled {recalls} of {maxRecalls} times; recall it before marking it no-show"),
    SAME_SERVICE("same-service", CONFLICT, "Ticket {ticket} is already in {service}"),
    VISIT_NOT_CALLED("visit-not-called", CONFLICT, "Cannot {action} ticket {ticket}: it is {state}, not called"),
    VISIT_NOT_IN_SERVICE(
            "visit-not-in-service", CONFLICT, "Cannot {action} ticket {ticket}: it is {state}, not in service"),
    VISIT_NOT_CANCELLABLE(
            "visit-not-cancellable",
            CONFLICT,
            "Ticket {ticket} is {state}; only a waiting or called visit can be cancelled"),
    VISIT_NOT_WAITING(
            "visit-not-waiting", CONFLICT, "Cannot call ticket {ticket} out of turn: it is {state}, not waiting"),
    VISIT_AT_ANOTHER_DESK(
            "visit-at-another-desk",
            CONFLICT,
            "Ticket {ticket} is already {state} at desk {desk}; a ticket is never called by two desks"),
    REASON_TOO_LONG("reason-too-long", INVALID, "reason is at most {max} characters"),
    NOTE_TOO_LONG("note-too-long", INVALID, "note is at most {max} characters"),
    NOTE_HAS_NUMBER(
            "note-has-number",
            INVALID,
            "note may not hold a long number (an identity or phone number): a note is kept on the visit's record"),
    FLOOR_CLOSED("floor-closed", CONFLICT, "The floor of {floor} is closed for the day"),
    CLOSED_NOW("closed-now", CONFLICT, "The centre is closed now and takes no walk-ins; today's hours: {hours}"),
    CLOSED_TODAY("closed-today", CONFLICT, "The centre is closed today and takes no walk-ins"),
    CLOSED_HOLIDAY("closed-holiday", CONFLICT, "The centre is closed on {date} for a holiday and takes no walk-ins"),
    FLOOR_NOT_STARTED(
            "floor-not-started", CONFLICT, "Nothing happened on the floor of {floor} yet; there is nothing to close"),
    MALFORMED_FLOOR_ID("malformed-floor-id", INVALID, "Malformed floor id '{floor}'"),
    MALFORMED_VISIT_ID("malformed-visit-id", INVALID, "Malformed visit id '{visit}'"),
    NONE_WEIGHT("none-weight", INVALID, "the weight of NONE is the unit and must be 1"),
    UNKNOWN_DESK("unknown-desk", NOT_FOUND, "Unknown desk '{desk}'"),
    UNKNOWN_VISIT("unknown-visit", NOT_FOUND, "Unknown visit '{visit}'"),
    UNKNOWN_TICKET("unknown-ticket", NOT_FOUND, "No ticket is known by this link"),
    TICKET_NOT_ON_DAY("ticket-not-on-day", NOT_FOUND, "No ticket {ticket} on {date}"),
    NO_FLOOR_ON_DAY("no-floor-on-day", NOT_FOUND, "Nothing happened on the floor of centre {centre} on {date}"),
    INSTANT_OUTSIDE_DAY(
            "instant-outside-day", INVALID, "Instant {at} is not on {date} in the centre's time zone ({timeZone})");

    private final RefusalSpec spec;

    FloorRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
