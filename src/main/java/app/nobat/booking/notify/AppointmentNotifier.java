package app.nobat.booking.notify;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.domain.DayBookEvent.AppointmentBooked;
import app.nobat.booking.domain.DayBookEvent.AppointmentMoved;
import app.nobat.booking.domain.DayBookEvent.AppointmentReminderDue;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.notify.VisitorNotifications.Recipient;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.VisitStatus;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Notifies appointment holders: confirms a booking (or its new time) with its code, sends the
 * reminder the day book marked due, and tells a checked-in visitor that their turn is near, each
 * once. Personal data is looked up only here, at the moment of sending; erased data sends nothing.
 */
@ProcessingGroup(AppointmentNotifier.PROCESSING_GROUP)
public class AppointmentNotifier {

    /** Named before the class was; the token store keeps the processor's position under this name. */
    public static final String PROCESSING_GROUP = "booking-messages";

    private final VisitorNotifications notifications;
    private final SentNotifications sent;
    private final PersonalDataStore personal;
    private final Appointments appointments;
    private final FloorQueries floors;
    private final BookingSettings settings;
    private final Clock clock;

    public AppointmentNotifier(
            VisitorNotifications notifications,
            SentNotifications sent,
            PersonalDataStore personal,
            Appointments appointments,
            FloorQueries floors,
            BookingSettings settings,
            Clock clock) {
        this.notifications = notifications;
        this.sent = sent;
        this.personal = personal;
        this.appointments = appointments;
        this.floors = floors;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(AppointmentBooked e, @Timestamp Instant at) {
        if (!sent.firstTime("booked:" + e.dayBookId() + ":" + e.code() + ":" + e.slot(), at)) {
            return;
        }
        DayBookId day = DayBookId.parse(e.dayBookId());
        personal.find(e.visitorRef())
                .ifPresent(p -> notifications.confirm(
                        recipient(p), p.bookingCode(), day.centreId(), day.serviceCode(), e.slotStart()));
    }

    @EventHandler
    void on(AppointmentMoved e, @Timestamp Instant at) {
        if (!sent.firstTime("moved:" + e.dayBookId() + ":" + e.code() + ":" + e.toSlot(), at)) {
            return;
        }
        DayBookId day = DayBookId.parse(e.dayBookId());
        try {
            personal.find(appointments.readByKey(e.code()).visitorRef())
                    .ifPresent(p -> notifications.confirm(
                            recipient(p), p.bookingCode(), day.centreId(), day.serviceCode(), e.toSlotStart()));
        } catch (RuntimeException gone) {
            // moved again or erased since: the later message says it
        }
    }

    @EventHandler
    void on(AppointmentReminderDue e, @Timestamp Instant at) {
        if (!sent.firstTime("reminder:" + e.dayBookId() + ":" + e.code(), at)) {
            return;
        }
        DayBookId day = DayBookId.parse(e.dayBookId());
        personal.find(e.visitorRef())
                .ifPresent(p -> notifications.remind(
                        recipient(p), p.bookingCode(), day.centreId(), day.serviceCode(), e.slotStart()));
    }

    @EventHandler
    void on(FloorEvent.TicketCalled e, @SequenceNumber long sequence) {
        checkTurns(e.floorId(), sequence);
    }

    @EventHandler
    void on(FloorEvent.TicketCalledOutOfTurn e, @SequenceNumber long sequence) {
        checkTurns(e.floorId(), sequence);
    }

    @EventHandler
    void on(FloorEvent.VisitArrived e, @SequenceNumber long sequence) {
        if (e.appointmentRef() != null) {
            checkTurns(e.floorId(), sequence);
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

    /** Every appointment holder now within {@code turnNearAt} of the desk hears it once. */
    private void checkTurns(String floorId, long sequence) {
        FloorBoard board = boardAtLeast(FloorId.parse(floorId), sequence);
        Instant now = clock.instant();
        for (FloorBoard.VisitView v : board.visits.values()) {
            if (v.appointmentRef == null || v.status != VisitStatus.WAITING) {
                continue;
            }
            int position = board.positionOf(v, now);
            if (position > 0 && position <= settings.turnNearAt() && sent.firstTime("turn-near:" + v.visitId, now)) {
                try {
                    var appointment = appointments.readByKey(v.appointmentRef);
                    personal.find(appointment.visitorRef())
                            .ifPresent(p -> notifications.turnNear(recipient(p), v.ticket, board.centreId, position));
                } catch (RuntimeException gone) {
                    // the appointment or its data is gone: there is no one to tell
                }
            }
        }
    }

    private static Recipient recipient(PersonalDataStore.PersonalData p) {
        return new Recipient(p.visitorRef(), p.phone(), p.language());
    }
}
