package app.nobat.booking.domain;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What booking refuses: days, slots, appointments, templates and holidays (see {@link Refusal}). */
public enum BookingRefusal implements Refusal {
    HOLIDAY("holiday", CONFLICT, "No appointments on {date}: {reason}"),
    NO_SLOTS("no-slots", CONFLICT, "No appointments on {date}: {reason}"),
    SLOT_UNKNOWN("slot-unknown", CONFLICT, "There is no slot at {slot} on {date}; slots start at {slots}"),
    SLOT_STARTED("slot-started", CONFLICT, "The slot at {slot} on {date} has already started"),
    BEYOND_HORIZON("beyond-horizon", CONFLICT, "Appointments can be booked up to {days} days ahead"),
    SLOT_FULL("slot-full", CONFLICT, "The slot at {slot} on {date} is full; please choose another"),
    DATE_PAST("date-past", CONFLICT, "{date} is in the past"),
    SLOTS_DATE_PAST("slots-date-past", INVALID, "date {date} is in the past"),
    CODE_IN_USE("code-in-use", CONFLICT, "This booking code is already used on this day"),
    BOOKING_ABANDONED(
            "booking-abandoned",
            CONFLICT,
            "This booking attempt was given up while it was in flight; please book again"),
    IDENTITY_HAS_APPOINTMENT(
            "identity-has-appointment",
            CONFLICT,
            "This identity already holds an appointment "
                    + "for this service; read, move or cancel it with its booking code instead of booking again"),
    APPOINTMENT_ENDED("appointment-ended", CONFLICT, "This appointment is {state}; it can no longer be changed"),
    WRONG_CENTRE("wrong-centre", CONFLICT, "This appointment is at another centre"),
    CHECK_IN_TOO_EARLY(
            "check-in-too-early",
            CONFLICT,
            "Check-in for this appointment opens at {opensAt} ({minutesBefore} minutes before the slot)"),
    CHECK_IN_TOO_LATE(
            "check-in-too-late",
            CONFLICT,
            "The check-in window of this appointment closed at {closedAt}; the visitor may take a walk-in ticket"),
    UNKNOWN_APPOINTMENT("unknown-appointment", NOT_FOUND, "No appointment is known by this code"),
    MALFORMED_BOOKING_CODE(
            "malformed-booking-code", INVALID, "A booking code is 8 letters and digits, such as 7KQ4-M9XH"),
    MALFORMED_DAY_BOOK_ID("malformed-day-book-id", INVALID, "Malformed day book id '{dayBook}'"),
    DATE_AND_SLOT_REQUIRED("date-and-slot-required", INVALID, "date (YYYY-MM-DD) and slot (HH:mm) are required"),
    IDENTITY_TYPE_REQUIRED("identity-type-required", INVALID, "identityType is required: one of {types}"),
    IDENTITY_NUMBER_INVALID(
            "identity-number-invalid",
            INVALID,
            "identityNumber is not a valid {identityType} number: it must be {shape}"),
    PHONE_INVALID(
            "phone-invalid",
            INVALID,
            "phone must be a mobile number: an Iranian one (09xx xxx xxxx or +98 9xx …) or an Afghan one with +93"),
    SLOT_RULE_ORDER("slot-rule-order", INVALID, "A slot rule needs 'from' before 'until'"),
    DUPLICATE_SLOT_RULE(
            "duplicate-slot-rule",
            INVALID,
            "Slot rule {rule} repeats rule {other}; a slot's seats are given once, by its capacity"),
    OVERLAPPING_SLOT_RULES(
            "overlapping-slot-rules",
            INVALID,
            "Slot rule {rule} overlaps rule {other} on a weekday they share; give each time of a day one rule"),
    HOLIDAY_NAME_LENGTH("holiday-name-length", INVALID, "a holiday name is 1 to {max} characters"),
    HOLIDAY_DATE_RANGE("holiday-date-range", INVALID, "date must be within {years} years of today");

    private final RefusalSpec spec;

    BookingRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
