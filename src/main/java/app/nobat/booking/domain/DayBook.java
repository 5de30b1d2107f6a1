package app.nobat.booking.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.nobat.booking.domain.DayBookCommand.*;
import app.nobat.booking.domain.DayBookEvent.*;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * The appointments of one service at one centre on one day. One writer per day book makes the
 * capacity of every slot exact (docs/design.md, rule 3); the one-identity rule is the
 * {@link IdentityGuard}'s.
 */
/* the snapshot's shape: raise it with any change to the fields, so that older snapshots are dropped */
@Revision("1")
public class DayBook {

    @AggregateIdentifier
    private String dayBookId;

    private final Map<String, Entry> appointments = new LinkedHashMap<>();
    private final Map<LocalTime, Integer> taken = new TreeMap<>();
    private final Set<String> abandoned = new HashSet<>();

    protected DayBook() {}

    // ---- commands -------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Appointment handle(BookSeat cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(cmd.dayBookId()));
        Entry existing = appointments.get(cmd.code());
        if (existing != null && existing.status == AppointmentStatus.BOOKED && existing.slot.equals(cmd.slot())) {
            return existing.view(cmd.dayBookId(), plan);
        }
        if (existing != null && !(existing.status == AppointmentStatus.MOVED && cmd.movedFrom() != null)) {
            // an appointment that moved away may come back; anything else under this code is another booking
            throw BookingRefusal.CODE_IN_USE.with();
        }
        if (cmd.movedFrom() == null && abandoned.contains(cmd.code())) {
            throw BookingRefusal.BOOKING_ABANDONED.with();
        }
        plan.requireBookable(cmd.slot(), cmd.at(), taken.getOrDefault(cmd.slot(), 0));
        apply(new AppointmentBooked(
                cmd.dayBookId(),
                cmd.code(),
                cmd.slot(),
                plan.startOf(cmd.slot()),
                cmd.visitorRef(),
                cmd.guardId(),
                cmd.movedFrom(),
                cmd.at()));
        return appointments.get(cmd.code()).view(cmd.dayBookId(), plan);
    }

    @CommandHandler
    public Appointment handle(CancelAppointment cmd, DayPlanSource plans) {
        Entry entry = require(cmd.code());
        if (entry.status == AppointmentStatus.BOOKED) {
            apply(new AppointmentCancelled(dayBookId, cmd.code(), entry.slot, cmd.reason(), cmd.at()));
        } else if (entry.status != AppointmentStatus.CANCELLED) {
            throw ended(entry);
        }
        return entry.view(dayBookId, plans.planFor(DayBookId.parse(dayBookId)));
    }

    @CommandHandler
    public Appointment handle(MoveWithinDay cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(dayBookId));
        Entry entry = requireBooked(cmd.code());
        if (entry.slot.equals(cmd.toSlot())) {
            return entry.view(dayBookId, plan);
        }
        requireNotStarted(plan, entry, cmd.at());
        plan.requireBookable(cmd.toSlot(), cmd.at(), taken.getOrDefault(cmd.toSlot(), 0));
        apply(new AppointmentMoved(
                dayBookId, cmd.code(), entry.slot, cmd.toSlot(), plan.startOf(cmd.toSlot()), cmd.at()));
        return entry.view(dayBookId, plan);
    }

    @CommandHandler
    public Appointment handle(MoveOut cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(dayBookId));
        Entry entry = require(cmd.code());
        if (entry.status == AppointmentStatus.MOVED && cmd.toDayBook().equals(entry.movedTo)) {
            return entry.view(dayBookId, plan);
        }
        if (entry.status != AppointmentStatus.BOOKED) {
            throw ended(entry);
        }
        requireNotStarted(plan, entry, cmd.at());
        apply(new AppointmentMovedOut(dayBookId, cmd.code(), entry.slot, cmd.toDayBook(), cmd.at()));
        return entry.view(dayBookId, plan);
    }

    @CommandHandler
    public Appointment handle(CheckIn cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(dayBookId));
        Entry entry = require(cmd.code());
        if (entry.status == AppointmentStatus.CHECKED_IN) {
            return entry.view(dayBookId, plan);
        }
        Instant start = plan.startOf(entry.slot);
        Instant opens = plan.window().opensAt(start);
        Instant closes = plan.window().closesAt(start);
        if (entry.status == AppointmentStatus.MISSED
                || (entry.status == AppointmentStatus.BOOKED && cmd.at().isAfter(closes))) {
            throw BookingRefusal.CHECK_IN_TOO_LATE.with("closedAt", closes.toString(), "walkInAllowed", true);
        }
        if (entry.status != AppointmentStatus.BOOKED) {
            throw ended(entry);
        }
        if (cmd.at().isBefore(opens)) {
            throw BookingRefusal.CHECK_IN_TOO_EARLY.with(
                    "opensAt",
                    opens.toString(),
                    "minutesBefore",
                    plan.window().before().toMinutes(),
                    "slotStart",
                    start.toString());
        }
        apply(new AppointmentCheckedIn(dayBookId, cmd.code(), cmd.visitId(), cmd.at()));
        return entry.view(dayBookId, plan);
    }

    @CommandHandler
    public int handle(MarkMissed cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(dayBookId));
        List<String> missed = appointments.values().stream()
                .filter(e -> e.status == AppointmentStatus.BOOKED
                        && cmd.at().isAfter(plan.window().closesAt(plan.startOf(e.slot))))
                .map(e -> e.code)
                .toList();
        missed.forEach(code -> apply(new AppointmentMissed(dayBookId, code, cmd.at())));
        return missed.size();
    }

    @CommandHandler
    public int handle(MarkRemindersDue cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(dayBookId));
        List<Entry> due = appointments.values().stream()
                .filter(e -> e.status == AppointmentStatus.BOOKED && !e.reminded)
                .filter(e -> {
                    Instant start = plan.startOf(e.slot);
                    return cmd.at().isBefore(start) && !cmd.at().isBefore(start.minus(cmd.lead()));
                })
                .toList();
        due.forEach(e ->
                apply(new AppointmentReminderDue(dayBookId, e.code, e.visitorRef, plan.startOf(e.slot), cmd.at())));
        return due.size();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SettleAnswer handle(Settle cmd) {
        Entry entry = appointments.get(cmd.code());
        if (entry == null) {
            if (!abandoned.contains(cmd.code())) {
                apply(new BookingAbandoned(cmd.dayBookId(), cmd.code(), cmd.at()));
            }
            return new SettleAnswer(SettleAnswer.Outcome.ENDED, null);
        }
        return switch (entry.status) {
            case BOOKED -> new SettleAnswer(SettleAnswer.Outcome.ACTIVE, null);
            case MOVED -> new SettleAnswer(SettleAnswer.Outcome.MOVED, entry.movedTo);
            default -> new SettleAnswer(SettleAnswer.Outcome.ENDED, null);
        };
    }

    @CommandHandler
    public Map<LocalTime, Integer> handle(ReadSeats cmd) {
        return new TreeMap<>(taken);
    }

    @CommandHandler
    public Appointment handle(ReadAppointment cmd, DayPlanSource plans) {
        return require(cmd.code()).view(dayBookId, plans.planFor(DayBookId.parse(dayBookId)));
    }

    @CommandHandler
    public DayBookView handle(ReadDay cmd, DayPlanSource plans) {
        DayPlan plan = plans.planFor(DayBookId.parse(dayBookId));
        Map<AppointmentStatus, Integer> counts = new EnumMap<>(AppointmentStatus.class);
        List<Appointment> all = new ArrayList<>();
        for (Entry e : appointments.values()) {
            counts.merge(e.status, 1, Integer::sum);
            all.add(e.view(dayBookId, plan));
        }
        return new DayBookView(dayBookId, new TreeMap<>(taken), all, counts);
    }

    // ---- rules ------------------------------------------------------------------------------

    private void requireNotStarted(DayPlan plan, Entry entry, Instant now) {
        if (!now.isBefore(plan.startOf(entry.slot))) {
            throw BookingRefusal.SLOT_STARTED.with(
                    "slot", entry.slot.toString(), "date", plan.date().toString());
        }
    }

    private Entry require(String code) {
        Entry entry = appointments.get(code);
        if (entry == null) {
            throw BookingRefusal.UNKNOWN_APPOINTMENT.with();
        }
        return entry;
    }

    private Entry requireBooked(String code) {
        Entry entry = require(code);
        if (entry.status != AppointmentStatus.BOOKED) {
            throw ended(entry);
        }
        return entry;
    }

    private static RuntimeException ended(Entry entry) {
        return BookingRefusal.APPOINTMENT_ENDED.with(
                "state", entry.status.name().toLowerCase().replace('_', ' '));
    }

    // ---- state ------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(AppointmentBooked e) {
        dayBookId = e.dayBookId();
        Entry entry = new Entry();
        entry.code = e.code();
        entry.slot = e.slot();
        entry.visitorRef = e.visitorRef();
        entry.guardId = e.guardId();
        entry.status = AppointmentStatus.BOOKED;
        appointments.put(e.code(), entry);
        taken.merge(e.slot(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(AppointmentCancelled e) {
        appointments.get(e.code()).status = AppointmentStatus.CANCELLED;
        taken.merge(e.slot(), -1, Integer::sum);
    }

    @EventSourcingHandler
    void on(AppointmentMoved e) {
        Entry entry = appointments.get(e.code());
        entry.slot = e.toSlot();
        entry.reminded = false;
        taken.merge(e.fromSlot(), -1, Integer::sum);
        taken.merge(e.toSlot(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(AppointmentMovedOut e) {
        Entry entry = appointments.get(e.code());
        entry.status = AppointmentStatus.MOVED;
        entry.movedTo = e.toDayBook();
        taken.merge(e.slot(), -1, Integer::sum);
    }

    @EventSourcingHandler
    void on(AppointmentCheckedIn e) {
        Entry entry = appointments.get(e.code());
        entry.status = AppointmentStatus.CHECKED_IN;
        entry.visitId = e.visitId();
    }

    @EventSourcingHandler
    void on(AppointmentMissed e) {
        appointments.get(e.code()).status = AppointmentStatus.MISSED;
    }

    @EventSourcingHandler
    void on(AppointmentReminderDue e) {
        appointments.get(e.code()).reminded = true;
    }

    @EventSourcingHandler
    void on(BookingAbandoned e) {
        dayBookId = e.dayBookId();
        abandoned.add(e.code());
    }

    static final class Entry {
        private String code;
        private LocalTime slot;
        private String visitorRef;
        private String guardId;
        private AppointmentStatus status;
        private String visitId;
        private String movedTo;
        private boolean reminded;

        /** Compared by the test fixture to check that sourcing rebuilds the same state. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e
                    && Objects.equals(code, e.code)
                    && Objects.equals(slot, e.slot)
                    && Objects.equals(visitorRef, e.visitorRef)
                    && Objects.equals(guardId, e.guardId)
                    && status == e.status
                    && Objects.equals(visitId, e.visitId)
                    && Objects.equals(movedTo, e.movedTo)
                    && reminded == e.reminded;
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, slot, status);
        }

        Appointment view(String dayBookId, DayPlan plan) {
            Instant start = plan.startOf(slot);
            return new Appointment(
                    code,
                    dayBookId,
                    slot,
                    start,
                    status,
                    visitorRef,
                    guardId,
                    visitId,
                    movedTo,
                    plan.window().opensAt(start),
                    plan.window().closesAt(start));
        }
    }
}
