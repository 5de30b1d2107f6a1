package app.nobat.floor.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.nobat.common.Actor;
import app.nobat.common.CommonRefusal;
import app.nobat.floor.domain.FloorCommand.*;
import app.nobat.floor.domain.FloorEvent.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * The live floor of one centre on one day: all its tickets, desks and calls. One writer per
 * centre-day makes numbering gap-free and calls exclusive (docs/design.md, the hard rules).
 */
/* the snapshot's shape: raise it with any change to the fields, so that older snapshots are dropped */
@Revision("1")
public class Floor {

    /** The request id of an appointment's check-in, before the appointment's reference; stored events carry it. */
    private static final String CHECK_IN_REQUEST = "appointment:";

    @AggregateIdentifier
    private String floorId;

    private FloorSettings settings;
    private boolean closed;
    private long arrivals;
    private final Map<String, Integer> lastTicketNumber = new HashMap<>();
    private final Map<String, VisitState> visits = new LinkedHashMap<>();
    private final Map<String, DeskState> desks = new HashMap<>();
    private final Map<String, CallAnswer> callsByRequest = new HashMap<>();
    private final Map<String, String> visitsByArrivalRequest = new HashMap<>();
    private final Map<String, String> visitsByCarriedOverFrom = new HashMap<>();

    /** Required by Axon to rebuild the floor from its events. */
    protected Floor() {}

    // ---- commands -------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ArrivalAnswer handle(RegisterWalkIn cmd, FloorSettingsSource settingsSource) {
        startIfNew(cmd.floorId(), cmd.at(), settingsSource);
        return arrive(new Arrival(
                cmd.visitId(),
                cmd.requestId(),
                cmd.serviceCode(),
                cmd.priorityClass(),
                null,
                cmd.trackingToken(),
                null,
                null,
                cmd.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ArrivalAnswer handle(CheckInAppointment cmd, FloorSettingsSource settingsSource) {
        startIfNew(cmd.floorId(), cmd.at(), settingsSource);
        // the appointment is the check-in's idempotency key, stored as the arrival's request id
        return arrive(new Arrival(
                cmd.visitId(),
                CHECK_IN_REQUEST + cmd.appointmentRef(),
                cmd.serviceCode(),
                cmd.priorityClass(),
                cmd.appointmentRef(),
                cmd.trackingToken(),
                null,
                null,
                cmd.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ArrivalAnswer handle(CarryOverVisit cmd, FloorSettingsSource settingsSource) {
        startIfNew(cmd.floorId(), cmd.at(), settingsSource);
        return arrive(new Arrival(
                cmd.visitId(),
                null,
                cmd.serviceCode(),
                cmd.priorityClass(),
                null,
                cmd.trackingToken(),
                cmd.arrivedAt(),
                cmd.carriedOverFrom(),
                cmd.at()));
    }

    /** What the three kinds of arrival have in common; null fields are those a kind does not have. */
    private record Arrival(
            String visitId,
            String requestId,
            String serviceCode,
            PriorityClass priorityClass,
            String appointmentRef,
            String trackingToken,
            Instant arrivedAt,
            String carriedOverFrom,
            Instant at) {}

    private ArrivalAnswer arrive(Arrival cmd) {
        String earlier = cmd.requestId() != null
                ? visitsByArrivalRequest.get(cmd.requestId())
                : cmd.carriedOverFrom() != null ? visitsByCarriedOverFrom.get(cmd.carriedOverFrom()) : null;
        if (earlier != null) {
            VisitState first = visits.get(earlier);
            PriorityClass asked = cmd.priorityClass() == null ? PriorityClass.NONE : cmd.priorityClass();
            if (cmd.requestId() != null
                    && (!first.firstServiceCode.equals(cmd.serviceCode()) || first.priorityClass != asked)) {
                // never hand one visitor's ticket and tracking link to another
                throw FloorRefusal.REQUEST_ID_REUSED.with("requestId", cmd.requestId());
            }
            return arrivalAnswer(first, cmd.at());
        }
        ensureOpen();
        requireService(cmd.serviceCode());
        if (visits.containsKey(cmd.visitId())) {
            throw FloorRefusal.VISIT_EXISTS.with("visit", cmd.visitId());
        }
        int number = lastTicketNumber.getOrDefault(cmd.serviceCode(), 0) + 1;
        apply(new VisitArrived(
                floorId,
                cmd.visitId(),
                cmd.requestId(),
                cmd.serviceCode(),
                ticket(cmd.serviceCode(), number),
                number,
                cmd.priorityClass() == null ? PriorityClass.NONE : cmd.priorityClass(),
                cmd.appointmentRef(),
                cmd.trackingToken(),
                cmd.arrivedAt() == null ? cmd.at() : cmd.arrivedAt(),
                cmd.carriedOverFrom(),
                cmd.at()));
        return arrivalAnswer(visits.get(cmd.visitId()), cmd.at());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenDesk cmd, FloorSettingsSource settingsSource, Actor actor) {
        startIfNew(cmd.floorId(), cmd.at(), settingsSource);
        ensureOpen();
        Set<String> allowed = settings.deskServices().get(cmd.deskId());
        if (allowed == null) {
            throw FloorRefusal.UNKNOWN_DESK.with("desk", cmd.deskId());
        }
        Set<String> chosen = cmd.serviceCodes() == null || cmd.serviceCodes().isEmpty()
                ? allowed
                : new LinkedHashSet<>(cmd.serviceCodes());
        for (String code : chosen) {
            requireService(code);
            if (!allowed.contains(code)) {
                throw FloorRefusal.SERVICE_NOT_AT_DESK.with(
                        "desk", cmd.deskId(), "service", code, "services", List.copyOf(allowed));
            }
        }
        DeskState desk = desks.get(cmd.deskId());
        if (desk != null && desk.status != DeskStatus.CLOSED) {
            throw FloorRefusal.DESK_OPEN.with("desk", cmd.deskId());
        }
        if (actor != null && actor.actsOnlyAtOwnDesk()) {
            desks.entrySet().stream()
                    .filter(d -> d.getValue().status != DeskStatus.CLOSED
                            && actor.id().equals(d.getValue().staffId))
                    .findFirst()
                    .ifPresent(d -> {
                        throw FloorRefusal.STAFF_AT_ANOTHER_DESK.with("heldDesk", d.getKey(), "desk", cmd.deskId());
                    });
        }
        apply(new DeskOpened(floorId, cmd.deskId(), chosen, actor == null ? null : actor.id(), cmd.at()));
    }

    @CommandHandler
    public void handle(PauseDesk cmd, Actor actor) {
        ensureOpen();
        DeskState desk = heldDesk(cmd.deskId(), actor);
        if (desk.status == DeskStatus.PAUSED) {
            throw FloorRefusal.DESK_PAUSED.with("desk", cmd.deskId());
        }
        apply(new DeskPaused(floorId, cmd.deskId(), cmd.at(), cmd.reason()));
    }

    @CommandHandler
    public void handle(ResumeDesk cmd, Actor actor) {
        ensureOpen();
        DeskState desk = heldDesk(cmd.deskId(), actor);
        if (desk.status != DeskStatus.PAUSED) {
            throw FloorRefusal.DESK_NOT_PAUSED.with("desk", cmd.deskId());
        }
        apply(new DeskResumed(floorId, cmd.deskId(), cmd.at()));
    }

    @CommandHandler
    public void handle(CloseDesk cmd, Actor actor) {
        ensureOpen();
        DeskState desk = heldDesk(cmd.deskId(), actor);
        requireNoVisit(desk, cmd.deskId());
        apply(new DeskClosed(floorId, cmd.deskId(), cmd.at(), cmd.reason()));
    }

    @CommandHandler
    public CallAnswer handle(CallNext cmd, Actor actor) {
        if (cmd.requestId() == null || cmd.requestId().isBlank()) {
            throw FloorRefusal.REQUEST_ID_REQUIRED.with();
        }
        CallAnswer earlier = callsByRequest.get(cmd.requestId());
        if (earlier != null) {
            if (!earlier.deskId().equals(cmd.deskId())) {
                throw FloorRefusal.REQUEST_ID_REUSED.with("requestId", cmd.requestId());
            }
            return earlier;
        }
        ensureOpen();
        DeskState desk = heldDesk(cmd.deskId(), actor);
        requireFreeToCall(desk, cmd.deskId());
        List<QueuePolicy.Candidate> candidates = new ArrayList<>();
        for (VisitState v : visits.values()) {
            if (v.status == VisitStatus.WAITING && desk.services.contains(v.serviceCode)) {
                candidates.add(candidate(v));
            }
        }
        QueuePolicy.Choice choice = new QueuePolicy(settings.policy())
                .choose(candidates, cmd.at(), desk.priorityStreak)
                .orElseThrow(() -> FloorRefusal.QUEUE_EMPTY.with("desk", cmd.deskId()));
        VisitState chosen = visits.get(choice.visitId());
        apply(new TicketCalled(
                floorId,
                cmd.deskId(),
                chosen.visitId,
                chosen.ticket,
                chosen.serviceCode,
                cmd.requestId(),
                choice.reason(),
                cmd.at()));
        return callsByRequest.get(cmd.requestId());
    }

    /**
     * A named ticket called at a desk. It keeps rule 1 as a call-next does: the one writer of the
     * floor sees every desk, so a ticket called or served elsewhere is refused, and a desk holds one
     * visit. The priority streak of the desk is left as it was: only the policy's own calls count
     * towards "at most N priority calls in a row".
     */
    @CommandHandler
    public OutOfTurnAnswer handle(CallOutOfTurn cmd, Actor actor) {
        if (cmd.reason() == null) {
            throw CommonRefusal.REQUIRED.at("/reason", "member", "reason");
        }
        String note = DeskNote.of(cmd.note());
        ensureOpen();
        DeskState desk = heldDesk(cmd.deskId(), actor);
        VisitState visit = knownVisit(cmd.visitId());
        if (visit.status == VisitStatus.CALLED && cmd.deskId().equals(visit.deskId)) {
            // a double click or a retry after a lost answer: the ticket is already called here
            return new OutOfTurnAnswer(visit.visitId, visit.ticket, visit.serviceCode, visit.deskId);
        }
        requireFreeToCall(desk, cmd.deskId());
        if (visit.deskId != null) {
            throw FloorRefusal.VISIT_AT_ANOTHER_DESK.with(
                    "ticket", visit.ticket, "state", describe(visit.status), "desk", visit.deskId);
        }
        if (visit.status != VisitStatus.WAITING) {
            throw FloorRefusal.VISIT_NOT_WAITING.with("ticket", visit.ticket, "state", describe(visit.status));
        }
        if (!desk.services.contains(visit.serviceCode)) {
            throw FloorRefusal.SERVICE_NOT_AT_DESK.with(
                    "desk", cmd.deskId(), "service", visit.serviceCode, "services", List.copyOf(desk.services));
        }
        apply(new TicketCalledOutOfTurn(
                floorId, cmd.deskId(), visit.visitId, visit.ticket, visit.serviceCode, cmd.reason(), note, cmd.at()));
        return new OutOfTurnAnswer(visit.visitId, visit.ticket, visit.serviceCode, cmd.deskId());
    }

    /**
     * A called ticket back to its queue, before its service starts. It waits again with its first
     * arrival time and order, so it stands where it stood before the call (usually first again: any
     * desk may call it next), and its recalls start again from none.
     */
    @CommandHandler
    public void handle(ReturnToQueue cmd, Actor actor) {
        if (cmd.reason() == null) {
            throw CommonRefusal.REQUIRED.at("/reason", "member", "reason");
        }
        String note = DeskNote.of(cmd.note());
        ensureOpen();
        VisitState visit = visit(cmd.visitId(), VisitStatus.CALLED, "return to the queue");
        requireDeskHolder(visit, actor);
        apply(new VisitReturnedToQueue(
                floorId, visit.deskId, visit.visitId, visit.ticket, visit.serviceCode, cmd.reason(), note, cmd.at()));
    }

    @CommandHandler
    public void handle(Recall cmd, Actor actor) {
        ensureOpen();
        VisitState visit = visit(cmd.visitId(), VisitStatus.CALLED, "recall");
        requireDeskHolder(visit, actor);
        if (visit.recalls >= settings.maxRecalls()) {
            throw FloorRefusal.RECALLS_EXHAUSTED.with("ticket", visit.ticket, "recalls", visit.recalls);
        }
        apply(new TicketRecalled(floorId, visit.deskId, visit.visitId, visit.ticket, visit.recalls + 1, cmd.at()));
    }

    @CommandHandler
    public void handle(StartService cmd, Actor actor) {
        ensureOpen();
        VisitState visit = visit(cmd.visitId(), VisitStatus.CALLED, "start");
        requireDeskHolder(visit, actor);
        apply(new ServiceStarted(floorId, visit.deskId, visit.visitId, cmd.at()));
    }

    @CommandHandler
    public void handle(CompleteService cmd, Actor actor) {
        ensureOpen();
        VisitState visit = visit(cmd.visitId(), VisitStatus.IN_SERVICE, "complete");
        requireDeskHolder(visit, actor);
        apply(new VisitCompleted(floorId, visit.deskId, visit.visitId, cmd.at()));
    }

    @CommandHandler
    public void handle(Transfer cmd, Actor actor) {
        ensureOpen();
        VisitState visit = visit(cmd.visitId(), VisitStatus.IN_SERVICE, "transfer");
        requireDeskHolder(visit, actor);
        requireService(cmd.toServiceCode());
        if (cmd.toServiceCode().equals(visit.serviceCode)) {
            throw FloorRefusal.SAME_SERVICE.with("ticket", visit.ticket, "service", visit.serviceCode);
        }
        int number = lastTicketNumber.getOrDefault(cmd.toServiceCode(), 0) + 1;
        apply(new VisitTransferred(
                floorId,
                visit.deskId,
                visit.visitId,
                visit.serviceCode,
                cmd.toServiceCode(),
                ticket(cmd.toServiceCode(), number),
                number,
                cmd.at()));
    }

    @CommandHandler
    public void handle(MarkNoShow cmd, Actor actor) {
        ensureOpen();
        VisitState visit = visit(cmd.visitId(), VisitStatus.CALLED, "mark as no-show");
        requireDeskHolder(visit, actor);
        if (visit.recalls < settings.maxRecalls()) {
            throw FloorRefusal.RECALLS_REMAINING.with(
                    "ticket", visit.ticket, "recalls", visit.recalls, "maxRecalls", settings.maxRecalls());
        }
        apply(new VisitMarkedNoShow(floorId, visit.deskId, visit.visitId, cmd.at()));
    }

    @CommandHandler
    public void handle(CancelVisit cmd, Actor actor) {
        ensureOpen();
        VisitState visit = knownVisit(cmd.visitId());
        // a waiting visit is at no desk: any staff member may cancel it (the visitor left)
        requireDeskHolder(visit, actor);
        if (visit.status != VisitStatus.WAITING && visit.status != VisitStatus.CALLED) {
            throw FloorRefusal.VISIT_NOT_CANCELLABLE.with("ticket", visit.ticket, "state", describe(visit.status));
        }
        String reason = cmd.reason() == null || cmd.reason().isBlank() ? LEFT : cmd.reason();
        apply(new VisitCancelled(floorId, visit.deskId, visit.visitId, reason, cmd.at()));
    }

    /** The reason recorded when visitors cancel their own ticket; the actor names no one. */
    public static final String LEFT_BY_PHONE = "visitor left (own phone)";

    /** The reason recorded when staff cancel a ticket without giving one. */
    public static final String LEFT = "visitor left";

    static final String CARRIED = "carried over to the next opening day";
    static final String UNFINISHED = "service unfinished at closing time";
    static final String NOT_SERVED = "not served before closing time";

    /**
     * The end of day's reasons as stored in events (and so never reworded), with the code a screen
     * puts in its own language.
     */
    public static final Map<String, String> CLOSING_REASONS =
            Map.of(CARRIED, "CARRIED_OVER", UNFINISHED, "UNFINISHED_AT_CLOSING", NOT_SERVED, "NOT_SERVED_AT_CLOSING");

    @CommandHandler
    public void handle(LeaveQueue cmd) {
        VisitState visit = knownVisit(cmd.visitId());
        if (visit.status == VisitStatus.CANCELLED) {
            return; // a retried tap: the ticket is already given up
        }
        ensureOpen();
        if (visit.status != VisitStatus.WAITING && visit.status != VisitStatus.CALLED) {
            throw FloorRefusal.VISIT_NOT_CANCELLABLE.with("ticket", visit.ticket, "state", describe(visit.status));
        }
        apply(new VisitCancelled(floorId, visit.deskId, visit.visitId, LEFT_BY_PHONE, cmd.at()));
    }

    @CommandHandler
    public void handle(CloseFloor cmd) {
        ensureOpen();
        List<VisitClosure> closures = new ArrayList<>();
        for (VisitState v : visits.values()) {
            if (!v.status.isOpen()) {
                continue;
            }
            boolean carry = settings.endOfDay() == EndOfDayRule.CARRY_OVER && v.status != VisitStatus.IN_SERVICE;
            String reason = carry ? CARRIED : v.status == VisitStatus.IN_SERVICE ? UNFINISHED : NOT_SERVED;
            closures.add(new VisitClosure(
                    v.visitId,
                    v.ticket,
                    v.serviceCode,
                    carry ? VisitStatus.CARRIED_OVER : VisitStatus.CLOSED,
                    reason,
                    v.trackingToken,
                    v.priorityClass,
                    v.arrivedAt));
        }
        apply(new FloorClosed(floorId, settings.endOfDay(), closures, cmd.at()));
    }

    // ---- event sourcing -------------------------------------------------------------------

    @EventSourcingHandler
    void on(FloorStarted e) {
        floorId = e.floorId();
        settings = e.settings().toFloorSettings();
    }

    @EventSourcingHandler
    void on(VisitArrived e) {
        VisitState v = new VisitState();
        v.visitId = e.visitId();
        v.serviceCode = e.serviceCode();
        v.firstServiceCode = e.serviceCode();
        v.ticket = e.ticket();
        v.priorityClass = e.priorityClass();
        v.appointmentRef = e.appointmentRef();
        v.trackingToken = e.trackingToken();
        v.arrivedAt = e.arrivedAt();
        v.arrivalOrder = ++arrivals;
        v.status = VisitStatus.WAITING;
        visits.put(v.visitId, v);
        lastTicketNumber.put(e.serviceCode(), e.ticketNumber());
        if (e.requestId() != null) {
            visitsByArrivalRequest.put(e.requestId(), e.visitId());
        }
        if (e.carriedOverFrom() != null) {
            visitsByCarriedOverFrom.put(e.carriedOverFrom(), e.visitId());
        }
    }

    @EventSourcingHandler
    void on(DeskOpened e) {
        DeskState d = new DeskState();
        d.status = DeskStatus.OPEN;
        d.services = new TreeSet<>(e.serviceCodes());
        d.staffId = e.staffId();
        desks.put(e.deskId(), d);
    }

    @EventSourcingHandler
    void on(DeskPaused e) {
        desks.get(e.deskId()).status = DeskStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(DeskResumed e) {
        desks.get(e.deskId()).status = DeskStatus.OPEN;
    }

    @EventSourcingHandler
    void on(DeskClosed e) {
        desks.get(e.deskId()).status = DeskStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(TicketCalled e) {
        VisitState v = visits.get(e.visitId());
        v.status = VisitStatus.CALLED;
        v.deskId = e.deskId();
        DeskState d = desks.get(e.deskId());
        d.currentVisit = e.visitId();
        d.priorityStreak = e.reason().priorityClass().isPriority() ? d.priorityStreak + 1 : 0;
        callsByRequest.put(
                e.requestId(), new CallAnswer(e.visitId(), e.ticket(), e.serviceCode(), e.deskId(), e.reason()));
    }

    @EventSourcingHandler
    void on(TicketCalledOutOfTurn e) {
        VisitState v = visits.get(e.visitId());
        v.status = VisitStatus.CALLED;
        v.deskId = e.deskId();
        v.recalls = 0;
        desks.get(e.deskId()).currentVisit = e.visitId();
    }

    @EventSourcingHandler
    void on(VisitReturnedToQueue e) {
        release(e.visitId(), VisitStatus.WAITING);
        visits.get(e.visitId()).recalls = 0;
    }

    @EventSourcingHandler
    void on(TicketRecalled e) {
        visits.get(e.visitId()).recalls = e.recall();
    }

    @EventSourcingHandler
    void on(ServiceStarted e) {
        visits.get(e.visitId()).status = VisitStatus.IN_SERVICE;
    }

    @EventSourcingHandler
    void on(VisitCompleted e) {
        release(e.visitId(), VisitStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(VisitTransferred e) {
        release(e.visitId(), VisitStatus.WAITING);
        VisitState v = visits.get(e.visitId());
        v.serviceCode = e.toServiceCode();
        v.ticket = e.ticket();
        v.recalls = 0;
        lastTicketNumber.put(e.toServiceCode(), e.ticketNumber());
    }

    @EventSourcingHandler
    void on(VisitMarkedNoShow e) {
        release(e.visitId(), VisitStatus.NO_SHOW);
    }

    @EventSourcingHandler
    void on(VisitCancelled e) {
        release(e.visitId(), VisitStatus.CANCELLED);
    }

    @EventSourcingHandler
    void on(FloorClosed e) {
        for (VisitClosure c : e.closures()) {
            release(c.visitId(), c.outcome());
        }
        desks.values().forEach(d -> d.status = DeskStatus.CLOSED);
        closed = true;
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A desk calls only when it is not paused and holds no visit (rule 1: one visit per desk). */
    private void requireFreeToCall(DeskState desk, String deskId) {
        if (desk.status == DeskStatus.PAUSED) {
            throw FloorRefusal.DESK_PAUSED.with("desk", deskId);
        }
        requireNoVisit(desk, deskId);
    }

    private void requireNoVisit(DeskState desk, String deskId) {
        if (desk.currentVisit != null) {
            VisitState held = visits.get(desk.currentVisit);
            throw FloorRefusal.DESK_BUSY.with("desk", deskId, "ticket", held.ticket, "state", describe(held.status));
        }
    }

    private void startIfNew(String id, Instant at, FloorSettingsSource source) {
        if (floorId != null) {
            return;
        }
        FloorId parsed = FloorId.parse(id);
        apply(FloorStarted.of(
                id,
                parsed.centreId(),
                parsed.day().toString(),
                source.settingsFor(parsed.centreId()),
                at,
                source.earlierDeskMinutes(parsed.centreId(), parsed.day())));
    }

    private void release(String visitId, VisitStatus outcome) {
        VisitState v = visits.get(visitId);
        if (v.deskId != null) {
            DeskState d = desks.get(v.deskId);
            if (d != null && visitId.equals(d.currentVisit)) {
                d.currentVisit = null;
            }
        }
        v.deskId = null;
        v.status = outcome;
    }

    private void ensureOpen() {
        if (closed) {
            throw FloorRefusal.FLOOR_CLOSED.with("floor", floorId);
        }
    }

    private void requireService(String code) {
        if (code == null || !settings.servicePrefixes().containsKey(code)) {
            throw CommonRefusal.UNKNOWN_SERVICE.with("service", String.valueOf(code));
        }
    }

    private DeskState openDesk(String deskId) {
        if (!settings.deskServices().containsKey(deskId)) {
            throw FloorRefusal.UNKNOWN_DESK.with("desk", deskId);
        }
        DeskState desk = desks.get(deskId);
        if (desk == null || desk.status == DeskStatus.CLOSED) {
            throw FloorRefusal.DESK_CLOSED.with("desk", deskId);
        }
        return desk;
    }

    /** An open desk, which desk staff may work only if they opened it. */
    private DeskState heldDesk(String deskId, Actor actor) {
        DeskState desk = openDesk(deskId);
        requireHolder(desk, deskId, actor);
        return desk;
    }

    private void requireDeskHolder(VisitState visit, Actor actor) {
        if (visit.deskId != null) {
            requireHolder(desks.get(visit.deskId), visit.deskId, actor);
        }
    }

    private static void requireHolder(DeskState desk, String deskId, Actor actor) {
        // a desk opened without a known holder (by the system, or before holders were recorded) is anyone's
        if (actor != null && actor.actsOnlyAtOwnDesk() && desk.staffId != null && !desk.staffId.equals(actor.id())) {
            throw FloorRefusal.NOT_YOUR_DESK.with("desk", deskId);
        }
    }

    private VisitState knownVisit(String visitId) {
        VisitState visit = visits.get(visitId);
        if (visit == null) {
            throw FloorRefusal.UNKNOWN_VISIT.with("visit", visitId);
        }
        return visit;
    }

    private VisitState visit(String visitId, VisitStatus required, String action) {
        VisitState visit = knownVisit(visitId);
        if (visit.status != required) {
            throw (required == VisitStatus.IN_SERVICE
                            ? FloorRefusal.VISIT_NOT_IN_SERVICE
                            : FloorRefusal.VISIT_NOT_CALLED)
                    .with("action", action, "ticket", visit.ticket, "state", describe(visit.status));
        }
        return visit;
    }

    private static String describe(VisitStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    private String ticket(String serviceCode, int number) {
        return ticketOf(settings.servicePrefixes().get(serviceCode), number);
    }

    /** A ticket as printed and called: its service's letter and at least three digits ("A-007"). */
    public static String ticketOf(String prefix, int number) {
        return prefix + "-" + String.format(Locale.ROOT, "%03d", number);
    }

    private ArrivalAnswer arrivalAnswer(VisitState v, Instant now) {
        return new ArrivalAnswer(
                v.visitId,
                v.ticket,
                v.serviceCode,
                v.priorityClass,
                v.trackingToken,
                v.arrivedAt,
                v.status == VisitStatus.WAITING ? positionOf(v, now) : 0);
    }

    /** 1 + the waiting visits of the same service the policy would call before this one now. */
    private int positionOf(VisitState target, Instant now) {
        List<QueuePolicy.Candidate> queue = new ArrayList<>();
        for (VisitState v : visits.values()) {
            if (v.status == VisitStatus.WAITING && v.serviceCode.equals(target.serviceCode)) {
                queue.add(candidate(v));
            }
        }
        return new QueuePolicy(settings.policy()).positionOf(candidate(target), queue, now);
    }

    private static QueuePolicy.Candidate candidate(VisitState v) {
        return new QueuePolicy.Candidate(
                v.visitId, v.priorityClass, v.arrivedAt, v.arrivalOrder, v.appointmentRef != null);
    }

    private static final class DeskState {
        private DeskStatus status;
        private Set<String> services;
        private String staffId;
        private String currentVisit;
        private int priorityStreak;

        @Override
        public boolean equals(Object o) {
            return o instanceof DeskState d
                    && status == d.status
                    && Objects.equals(services, d.services)
                    && Objects.equals(staffId, d.staffId)
                    && Objects.equals(currentVisit, d.currentVisit)
                    && priorityStreak == d.priorityStreak;
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, services, currentVisit, priorityStreak);
        }
    }

    private static final class VisitState {
        private String visitId;
        private String serviceCode;
        private String firstServiceCode;
        private String ticket;
        private PriorityClass priorityClass;
        private String appointmentRef;
        private String trackingToken;
        private Instant arrivedAt;
        private long arrivalOrder;
        private VisitStatus status;
        private String deskId;
        private int recalls;

        @Override
        public boolean equals(Object o) {
            return o instanceof VisitState v
                    && visitId.equals(v.visitId)
                    && serviceCode.equals(v.serviceCode)
                    && firstServiceCode.equals(v.firstServiceCode)
                    && ticket.equals(v.ticket)
                    && priorityClass == v.priorityClass
                    && Objects.equals(appointmentRef, v.appointmentRef)
                    && Objects.equals(trackingToken, v.trackingToken)
                    && arrivedAt.equals(v.arrivedAt)
                    && arrivalOrder == v.arrivalOrder
                    && status == v.status
                    && Objects.equals(deskId, v.deskId)
                    && recalls == v.recalls;
        }

        @Override
        public int hashCode() {
            return Objects.hash(visitId, status);
        }
    }
}
