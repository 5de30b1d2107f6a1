package app.nobat.booking.appointments;

import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.domain.Appointment;
import app.nobat.booking.domain.AppointmentStatus;
import app.nobat.booking.domain.BookingCode;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.domain.DayBookCommand.*;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.domain.DayBookView;
import app.nobat.booking.domain.DayPlan;
import app.nobat.booking.domain.DayPlanSource;
import app.nobat.booking.domain.IdentityGuardMessages;
import app.nobat.booking.domain.IdentityGuardMessages.ClaimIdentity;
import app.nobat.booking.domain.IdentityGuardMessages.ReleaseIdentity;
import app.nobat.booking.domain.IdentityHeld;
import app.nobat.booking.domain.SettleAnswer;
import app.nobat.booking.privacy.IdentityKeys;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.booking.privacy.PersonalDataStore.PersonalData;
import app.nobat.booking.privacy.VisitorContact;
import app.nobat.common.RandomIds;
import app.nobat.common.RuleViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Booking, reading, moving, cancelling and checking in appointments. A booking touches three
 * places in a fixed order — the identity's guard, then the day's seats — and undoes the first when
 * the second refuses; a step cut short by a crash is settled later (see {@link #claim} and
 * {@link #finishMove}), so no seat or claim stays held by nothing.
 */
public class Appointments {

    private static final Logger log = LoggerFactory.getLogger(Appointments.class);
    private static final int MAX_HOPS = 16;

    private final CommandGateway commands;
    private final DayPlanSource plans;
    private final AppointmentDirectory directory;
    private final PersonalDataStore personal;
    private final IdentityKeys keys;
    private final BookingSettings settings;
    private final Duration retention;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Appointments(
            CommandGateway commands,
            DayPlanSource plans,
            AppointmentDirectory directory,
            PersonalDataStore personal,
            IdentityKeys keys,
            BookingSettings settings,
            Duration retention,
            Clock clock) {
        this.commands = commands;
        this.plans = plans;
        this.directory = directory;
        this.personal = personal;
        this.keys = keys;
        this.settings = settings;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * What a check-in hands to the floor: the visit to start and the appointment it comes from
     * (by its code's key, never the bearer code itself).
     */
    public record CheckedIn(String visitId, String serviceCode, String codeKey) {}

    /** Where a visitor's code leads: the key the day books know it by, and the first day book to ask. */
    private record Located(String codeKey, String dayBookId) {}

    public Appointment book(
            String centreId, String serviceCode, LocalDate date, LocalTime slot, VisitorContact contact) {
        Instant now = clock.instant();
        DayBookId day = new DayBookId(centreId, serviceCode, date);
        DayPlan plan = lookBeforeBooking(day, slot, now);
        String guard = IdentityGuardMessages.guardId(
                centreId, serviceCode, keys.hash(contact.identityType(), contact.identityNumber()));
        String code = newCode(day);
        String key = keys.bookingCodeKey(code);
        String visitorRef = RandomIds.of(12);
        personal.save(new PersonalData(
                visitorRef,
                centreId,
                contact.identityType(),
                contact.identityNumber(),
                contact.phone(),
                contact.language(),
                code,
                plan.startOf(slot).plus(retention)));
        try {
            claim(guard, key, day, now);
        } catch (RuntimeException e) {
            undo(key, visitorRef);
            throw e;
        }
        try {
            return shown(
                    commands.sendAndWait(new BookSeat(day.toString(), key, slot, visitorRef, guard, null, now)), code);
        } catch (RuntimeException e) {
            try {
                commands.sendAndWait(new ReleaseIdentity(guard, key, now));
            } finally {
                undo(key, visitorRef);
            }
            throw e;
        }
    }

    /** The appointment of a visitor's (canonical) booking code. */
    public Appointment read(String code) {
        Located at = locate(code);
        return shown(follow(at.codeKey(), at.dayBookId()), code);
    }

    /**
     * The appointment by its code's key, as events and the floor name it; its {@code code} is then
     * that key, not a code a visitor could use.
     */
    public Appointment readByKey(String codeKey) {
        return follow(codeKey, directory.locate(codeKey).orElseThrow(() -> BookingRefusal.UNKNOWN_APPOINTMENT.with()));
    }

    private Appointment follow(String codeKey, String firstDay) {
        String day = firstDay;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Appointment a;
            try {
                a = commands.sendAndWait(new ReadAppointment(day, codeKey));
            } catch (AggregateNotFoundException e) {
                throw BookingRefusal.UNKNOWN_APPOINTMENT.with();
            }
            if (a.status() != AppointmentStatus.MOVED) {
                return a;
            }
            day = a.movedTo();
        }
        throw new IllegalStateException("An appointment moved more than " + MAX_HOPS + " times");
    }

    /**
     * The code's key and first day book. Codes booked before codes were stored as keys are found
     * under the code itself.
     */
    private Located locate(String code) {
        String key = keys.bookingCodeKey(code);
        return directory
                .locate(key)
                .map(day -> new Located(key, day))
                .or(() -> directory.locate(code).map(day -> new Located(code, day)))
                .orElseThrow(() -> BookingRefusal.UNKNOWN_APPOINTMENT.with());
    }

    /** The appointment as its visitor knows it: with the code they gave, not the stored key. */
    private static Appointment shown(Appointment a, String code) {
        return new Appointment(
                code,
                a.dayBookId(),
                a.slot(),
                a.slotStart(),
                a.status(),
                a.visitorRef(),
                a.guardId(),
                a.visitId(),
                a.movedTo(),
                a.checkInOpens(),
                a.checkInCloses());
    }

    /** Gives the seat back (once) and frees the identity for another booking of the service. */
    public Appointment cancel(String code) {
        Instant now = clock.instant();
        Located at = locate(code);
        Appointment current = follow(at.codeKey(), at.dayBookId());
        Appointment cancelled = commands.sendAndWait(
                new CancelAppointment(current.dayBookId(), at.codeKey(), CancelReason.VISITOR, now));
        commands.sendAndWait(new ReleaseIdentity(current.guardId(), at.codeKey(), now));
        return shown(cancelled, code);
    }

    /**
     * Moves the appointment to another free slot of the same service. Across days, the new seat is
     * taken before the old one is given back, so a visitor never ends up with neither.
     */
    public Appointment move(String code, LocalDate date, LocalTime slot) {
        Instant now = clock.instant();
        Located at = locate(code);
        String key = at.codeKey();
        Appointment current = follow(key, at.dayBookId());
        DayBookId from = DayBookId.parse(current.dayBookId());
        if (current.status() != AppointmentStatus.BOOKED) {
            throw BookingRefusal.APPOINTMENT_ENDED.with(
                    "state", current.status().name().toLowerCase().replace('_', ' '));
        }
        if (date.equals(from.date())) {
            return shown(commands.sendAndWait(new MoveWithinDay(from.toString(), key, slot, now)), code);
        }
        DayBookId to = new DayBookId(from.centreId(), from.serviceCode(), date);
        lookBeforeBooking(to, slot, now);
        directory.startMove(key, from.toString(), to.toString(), now);
        Appointment moved;
        try {
            moved = commands.sendAndWait(new BookSeat(
                    to.toString(), key, slot, current.visitorRef(), current.guardId(), from.toString(), now));
        } catch (RuntimeException e) {
            directory.endMove(key, from.toString());
            throw e;
        }
        finishMove(key, from.toString(), to.toString(), now);
        personal.retainUntil(current.visitorRef(), moved.slotStart().plus(retention));
        return shown(moved, code);
    }

    /**
     * Completes a move whose new seat may or may not be held: the old seat is given back if the new
     * one is held, the new one if the old appointment ended meanwhile. Safe to repeat.
     */
    void finishMove(String code, String from, String to, Instant now) {
        SettleAnswer atTarget = commands.sendAndWait(new Settle(to, code, now));
        if (atTarget.outcome() != SettleAnswer.Outcome.ACTIVE) {
            directory.endMove(code, from);
            return;
        }
        try {
            commands.sendAndWait(new MoveOut(from, code, to, now));
            directory.endMove(code, to);
        } catch (RuleViolation e) {
            commands.sendAndWait(new CancelAppointment(to, code, CancelReason.MOVE_FAILED, now));
            directory.endMove(code, from);
            throw e;
        }
    }

    /** Finishes moves cut short (a crash between taking the new seat and giving back the old). */
    public int finishInterruptedMoves() {
        Instant now = clock.instant();
        int finished = 0;
        for (AppointmentDirectory.Move m : directory.unfinishedMoves(now.minus(settings.claimGrace()))) {
            try {
                finishMove(m.code(), m.from(), m.to(), now);
            } catch (RuleViolation e) {
                log.info("Interrupted move of an appointment undone: {}", e.getMessage());
            }
            finished++;
        }
        return finished;
    }

    /**
     * Checks the appointment in at {@code centreId} inside its window and names the visit to start
     * on today's floor; a repeat names the same visit.
     */
    public CheckedIn checkIn(String centreId, String code, String newVisitId) {
        Located at = locate(code);
        Appointment current = follow(at.codeKey(), at.dayBookId());
        DayBookId day = DayBookId.parse(current.dayBookId());
        if (!day.centreId().equals(centreId)) {
            throw BookingRefusal.WRONG_CENTRE.with();
        }
        Appointment checkedIn =
                commands.sendAndWait(new CheckIn(day.toString(), at.codeKey(), newVisitId, clock.instant()));
        return new CheckedIn(checkedIn.visitId(), day.serviceCode(), at.codeKey());
    }

    /** Erases the visitor's personal data; the appointment and its statistics stay. */
    public boolean erasePersonalData(String code) {
        return personal.erase(read(code).visitorRef());
    }

    // ---- steps ------------------------------------------------------------------------------

    /**
     * Checks the day and slot before anything is written, so that a full slot costs the storm no
     * writes; the day book checks again, exactly, when the seat is taken.
     */
    private DayPlan lookBeforeBooking(DayBookId day, LocalTime slot, Instant now) {
        DayPlan plan = plans.planFor(day);
        if (day.date().isBefore(plan.today(now))) {
            throw BookingRefusal.DATE_PAST.with("date", day.date().toString());
        }
        plan.requireBookable(slot, now, seatsTaken(day).getOrDefault(slot, 0));
        return plan;
    }

    /** Seats taken per slot; none for a day nobody booked yet. */
    public Map<LocalTime, Integer> seatsTaken(DayBookId day) {
        try {
            return commands.sendAndWait(new ReadSeats(day.toString()));
        } catch (AggregateNotFoundException e) {
            return Map.of();
        }
    }

    /** The whole day of a service, for administrators; empty when nobody booked yet. */
    public Optional<DayBookView> day(DayBookId day) {
        try {
            return Optional.of(commands.sendAndWait(new ReadDay(day.toString())));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Claims the identity's one appointment for the service. A claim older than the grace period
     * whose appointment has ended (or never took a seat, e.g. a crash mid-booking) is released first.
     */
    private void claim(String guard, String code, DayBookId day, Instant now) {
        try {
            commands.sendAndWait(new ClaimIdentity(guard, code, day.toString(), now));
        } catch (IdentityHeld held) {
            if (held.since().isAfter(now.minus(settings.claimGrace())) || alive(held.heldBy(), held.dayBookId(), now)) {
                throw held;
            }
            commands.sendAndWait(new ReleaseIdentity(guard, held.heldBy(), now));
            commands.sendAndWait(new ClaimIdentity(guard, code, day.toString(), now));
        }
    }

    private boolean alive(String code, String dayBookId, Instant now) {
        String day = dayBookId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            SettleAnswer answer = commands.sendAndWait(new Settle(day, code, now));
            if (answer.outcome() != SettleAnswer.Outcome.MOVED) {
                return answer.outcome() == SettleAnswer.Outcome.ACTIVE;
            }
            day = answer.movedTo();
        }
        return true;
    }

    /** A fresh code, reserved under its key. */
    private String newCode(DayBookId day) {
        while (true) {
            String code = BookingCode.generate(random);
            if (directory.reserve(keys.bookingCodeKey(code), day.toString())) {
                return code;
            }
        }
    }

    private void undo(String codeKey, String visitorRef) {
        personal.erase(visitorRef);
        directory.forget(codeKey);
    }
}
