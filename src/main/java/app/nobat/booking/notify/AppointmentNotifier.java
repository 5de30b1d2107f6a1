package app.nobat.booking.notify;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.domain.DayBookEvent.AppointmentBooked;
import app.nobat.booking.domain.DayBookEvent.AppointmentMoved;
import app.nobat.booking.domain.DayBookEvent.AppointmentReminderDue;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.VisitStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Decides which messages visitors are owed: a booking's confirmation (or its new time), the reminder
 * the day book marked due, "your turn is near" and "go to desk N now" for a checked-in visitor or a
 * walk-in who gave a phone at the kiosk —
 * and writes each into the outbox once, keyed by the event (or, for the turn, by the visit). It
 * sends nothing itself: {@link NotificationSender} does, off this processor, so that a slow or
 * absent gateway holds up neither commands nor the screens' projections.
 */
@ProcessingGroup(AppointmentNotifier.PROCESSING_GROUP)
public class AppointmentNotifier {

    /** Named before the class was; the token store keeps the processor's position under this name. */
    public static final String PROCESSING_GROUP = "booking-messages";

    private final NotificationOutbox outbox;
    private final Runnable wakeSender;
    private final Appointments appointments;
    private final PersonalDataStore personal;
    private final FloorQueries floors;
    private final BookingSettings settings;
    private final Clock clock;

    public AppointmentNotifier(
            NotificationOutbox outbox,
            Runnable wakeSender,
            Appointments appointments,
            PersonalDataStore personal,
            FloorQueries floors,
            BookingSettings settings,
            Clock clock) {
        this.outbox = outbox;
        this.wakeSender = wakeSender;
        this.appointments = appointments;
        this.personal = personal;
        this.floors = floors;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(AppointmentBooked e, @MessageIdentifier String eventId) {
        DayBookId day = DayBookId.parse(e.dayBookId());
        owe(MessageKind.BOOKED, eventId, day.centreId(), e.visitorRef(), slot(day, e.slotStart()));
    }

    @EventHandler
    void on(AppointmentMoved e, @MessageIdentifier String eventId) {
        DayBookId day = DayBookId.parse(e.dayBookId());
        try {
            String visitorRef = appointments.readByKey(e.code()).visitorRef();
            owe(MessageKind.MOVED, eventId, day.centreId(), visitorRef, slot(day, e.toSlotStart()));
        } catch (RuntimeException gone) {
            // moved again or erased since: the later message says it
        }
    }

    @EventHandler
    void on(AppointmentReminderDue e, @MessageIdentifier String eventId) {
        DayBookId day = DayBookId.parse(e.dayBookId());
        owe(MessageKind.REMINDER, eventId, day.centreId(), e.visitorRef(), slot(day, e.slotStart()));
    }

    @EventHandler
    void on(FloorEvent.TicketCalled e, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        FloorBoard board = checkTurns(e.floorId(), sequence);
        goToDesk(board, e.visitId(), e.deskId(), e.ticket(), eventId);
    }

    @EventHandler
    void on(FloorEvent.TicketCalledOutOfTurn e, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        FloorBoard board = checkTurns(e.floorId(), sequence);
        goToDesk(board, e.visitId(), e.deskId(), e.ticket(), eventId);
    }

    @EventHandler
    void on(FloorEvent.VisitArrived e, @SequenceNumber long sequence) {
        if (e.appointmentRef() != null) {
            checkTurns(e.floorId(), sequence);
        }
    }

    private static Map<String, String> slot(DayBookId day, Instant slotStart) {
        return Map.of("service", day.serviceCode(), "slotStart", slotStart.toString());
    }

    private void owe(MessageKind kind, String once, String centreId, String visitorRef, Map<String, String> values) {
        // the sender's clock, not the event's: a message is due by the clock the sender reads
        if (outbox.enqueue(NotificationSender.id(kind, once), kind, centreId, visitorRef, values, clock.instant())) {
            wakeSender.run();
        }
    }

    /** The board once it has seen this event (the screens' feed follows the same events, a moment apart). */
    private FloorBoard boardAtLeast(FloorId floor, long sequence) {
        FloorBoard board = floors.board(floor);
        for (int i = 0; i < 100 && board.lastSequence < sequence; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            board = floors.board(floor);
        }
        return board;
    }

    /** A walk-in's phone goes when the visit is over; the end-of-day sweep takes any left. */
    @EventHandler
    void on(FloorEvent.VisitCompleted e) {
        String walkIn = PersonalDataStore.walkInRef(e.visitId());
        if (personal.exists(walkIn)) {
            personal.erase(walkIn);
        }
    }

    /** A visit's ticket was called: "go to desk N now", to an appointment holder or a walk-in who gave a phone. */
    private void goToDesk(FloorBoard board, String visitId, String deskId, String ticket, String eventId) {
        FloorBoard.VisitView v = board.visits.get(visitId);
        String visitorRef = v == null ? null : recipient(v);
        if (visitorRef != null) {
            owe(MessageKind.GO_TO_DESK, eventId, board.centreId, visitorRef, Map.of("ticket", ticket, "desk", deskId));
        }
    }

    /**
     * Whom a visit's messages go to: an appointment's visitor, a walk-in who gave a phone at the
     * kiosk, or no one (null).
     */
    private String recipient(FloorBoard.VisitView v) {
        if (v.appointmentRef == null) {
            String walkIn = PersonalDataStore.walkInRef(v.visitId);
            return personal.exists(walkIn) ? walkIn : null;
        }
        try {
            return appointments.readByKey(v.appointmentRef).visitorRef();
        } catch (RuntimeException gone) {
            return null; // the appointment or its data is gone: there is no one to tell
        }
    }

    /** Every visitor with a phone now within {@code turnNearAt} of the desk is owed it once per visit. */
    private FloorBoard checkTurns(String floorId, long sequence) {
        FloorBoard board = boardAtLeast(FloorId.parse(floorId), sequence);
        Instant now = clock.instant();
        for (FloorBoard.VisitView v : board.visits.values()) {
            if (v.status != VisitStatus.WAITING) {
                continue;
            }
            int position = board.positionOf(v, now);
            if (position > 0 && position <= settings.turnNearAt()) {
                String visitorRef = recipient(v);
                if (visitorRef != null) {
                    owe(
                            MessageKind.TURN_NEAR,
                            v.visitId,
                            board.centreId,
                            visitorRef,
                            Map.of("ticket", v.ticket, "position", String.valueOf(position)));
                }
            }
        }
        return board;
    }
}
