package app.nobat.floor.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.Actor;
import app.nobat.common.CommonRefusal;
import app.nobat.common.Digits;
import app.nobat.common.RandomIds;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.board.WaitEstimate;
import app.nobat.floor.board.WaitEstimator;
import app.nobat.floor.domain.ArrivalAnswer;
import app.nobat.floor.domain.CallAnswer;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.Floor;
import app.nobat.floor.domain.FloorCommand.*;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.FloorRefusal;
import app.nobat.floor.domain.OutOfTurnAnswer;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.ReturnReason;
import app.nobat.floor.web.FloorRequests.*;
import app.nobat.platform.web.Acting;
import app.nobat.platform.web.Blocking;
import app.nobat.platform.web.RequestRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The live floor: arrivals, desks, calls and the visit lifecycle. */
@RestController
@RequestMapping("/api")
@Tag(name = "floor", description = "Arrivals, desks, calls and visits of today's floor")
public class FloorController {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** A ticket as printed: the service's prefix, a dash, its number. */
    private static final Pattern TICKET = Pattern.compile("([A-Z]{1,3})-?([0-9]{1,4})");

    private final CommandGateway commands;
    private final FloorQueries floors;
    private final CentreCatalog catalog;
    private final AppointmentCheckIns checkIns;
    private final CentreHolidays holidays;
    private final WalkInContacts walkIns;

    public FloorController(
            CommandGateway commands,
            FloorQueries floors,
            CentreCatalog catalog,
            AppointmentCheckIns checkIns,
            CentreHolidays holidays,
            WalkInContacts walkIns) {
        this.commands = commands;
        this.floors = floors;
        this.catalog = catalog;
        this.checkIns = checkIns;
        this.holidays = holidays;
        this.walkIns = walkIns;
    }

    @PostMapping("/centres/{centreId}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register an arrival: a walk-in (serviceCode) or an appointment check-in (appointmentCode) "
                    + "— a ticket, its position, an estimated wait and a tracking token")
    public Mono<ArrivalResponse> arrive(@PathVariable String centreId, @RequestBody ArrivalRequest request) {
        if (request == null
                || (request.appointmentCode() == null
                        && (request.serviceCode() == null
                                || request.serviceCode().isBlank()))) {
            throw FloorRefusal.SERVICE_OR_APPOINTMENT_REQUIRED.with();
        }
        String requestId = optionalRequestId(request.requestId());
        PriorityClass priority = request.priorityClass() == null ? PriorityClass.NONE : request.priorityClass();
        // a walk-in's phone is checked before the ticket is taken, and kept only once it is
        String phone = request.appointmentCode() == null
                        && request.phone() != null
                        && !request.phone().isBlank()
                ? walkIns.checkedPhone(request.phone())
                : null;
        String language = request.language() == null || request.language().isBlank() ? "fa" : request.language();
        if (phone != null && !CentreProfile.LANGUAGES.contains(language)) {
            throw CommonRefusal.UNKNOWN_LANGUAGE.at("/language", "member", "language");
        }
        return Blocking.call(() -> floors.today(centreId))
                .flatMap(floor -> Blocking.call(() -> {
                    if (request.appointmentCode() == null) {
                        requireOpen(catalog.get(centreId), holidays, now());
                        return new RegisterWalkIn(
                                floor.toString(),
                                floor.visitId(RandomIds.of(9)),
                                scopedToCaller(requestId),
                                request.serviceCode(),
                                priority,
                                RandomIds.of(16),
                                now());
                    }
                    // the check-in is idempotent: a repeat names the same visit, and the floor answers it again
                    var arrival = checkIns.checkIn(centreId, request.appointmentCode(), floor.visitId(RandomIds.of(9)));
                    return new CheckInAppointment(
                            floor.toString(),
                            arrival.visitId(),
                            arrival.appointmentRef(),
                            arrival.serviceCode(),
                            priority,
                            RandomIds.of(16),
                            now());
                }))
                .flatMap(arrival -> Blocking.<ArrivalAnswer>send(commands, arrival))
                .flatMap(answer -> Blocking.call(() -> {
                    if (phone != null) {
                        walkIns.remember(centreId, answer.visitId(), phone, language);
                    }
                    FloorBoard board = floors.board(FloorId.ofVisit(answer.visitId()));
                    WaitEstimate eta = answer.position() == 0
                            ? WaitEstimate.NOW
                            : WaitEstimator.forArrival(
                                    board,
                                    answer.visitId(),
                                    answer.serviceCode(),
                                    answer.priorityClass(),
                                    false,
                                    now());
                    return new ArrivalResponse(
                            answer.visitId(),
                            answer.ticket(),
                            answer.serviceCode(),
                            answer.priorityClass(),
                            answer.position(),
                            eta.minutes(),
                            eta,
                            answer.trackingToken(),
                            "/track.html?token=" + answer.trackingToken(),
                            answer.arrivedAt());
                }));
    }

    @PostMapping("/centres/{centreId}/desks/{deskId}/open")
    @Operation(
            summary = "Open a desk for some or all of its services; the signed-in staff member holds it "
                    + "(desk staff act only at the desk they opened)")
    public Mono<DeskResponse> open(
            @PathVariable String centreId,
            @PathVariable String deskId,
            @RequestBody(required = false) OpenDeskRequest request) {
        Set<String> services = request == null || request.serviceCodes() == null ? Set.of() : request.serviceCodes();
        return desk(centreId, deskId)
                .flatMap(floor -> Blocking.send(commands, new OpenDesk(floor.toString(), deskId, services, now())))
                .thenReturn(new DeskResponse(deskId, DeskStatus.OPEN));
    }

    @PostMapping("/centres/{centreId}/desks/{deskId}/pause")
    public Mono<DeskResponse> pause(
            @PathVariable String centreId,
            @PathVariable String deskId,
            @RequestBody(required = false) @Nullable DeskActionRequest request) {
        String reason = reasonOf(request);
        return deskCommand(centreId, deskId, floor -> new PauseDesk(floor, deskId, now(), reason))
                .thenReturn(new DeskResponse(deskId, DeskStatus.PAUSED));
    }

    @PostMapping("/centres/{centreId}/desks/{deskId}/resume")
    public Mono<DeskResponse> resume(@PathVariable String centreId, @PathVariable String deskId) {
        return deskCommand(centreId, deskId, floor -> new ResumeDesk(floor, deskId, now()))
                .thenReturn(new DeskResponse(deskId, DeskStatus.OPEN));
    }

    @PostMapping("/centres/{centreId}/desks/{deskId}/close")
    public Mono<DeskResponse> close(
            @PathVariable String centreId,
            @PathVariable String deskId,
            @RequestBody(required = false) @Nullable DeskActionRequest request) {
        String reason = reasonOf(request);
        return deskCommand(centreId, deskId, floor -> new CloseDesk(floor, deskId, now(), reason))
                .thenReturn(new DeskResponse(deskId, DeskStatus.CLOSED));
    }

    @PostMapping("/centres/{centreId}/desks/{deskId}/call-next")
    @Operation(
            summary =
                    "Call the next ticket by the queue policy; idempotent by requestId (or an Idempotency-Key header)")
    public Mono<CallResponse> callNext(
            @PathVariable String centreId,
            @PathVariable String deskId,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) CallNextRequest request) {
        String requestId =
                optionalRequestId(request != null && request.requestId() != null ? request.requestId() : key);
        if (requestId == null) {
            throw FloorRefusal.REQUEST_ID_REQUIRED.with();
        }
        return Blocking.call(() -> scopedToCaller(requestId))
                .flatMap(scoped -> this.<CallAnswer>deskCommand(
                        centreId, deskId, floor -> new CallNext(floor, deskId, scoped, now())))
                .map(a -> new CallResponse(a.visitId(), a.ticket(), a.serviceCode(), a.deskId(), a.reason()));
    }

    @PostMapping("/centres/{centreId}/desks/{deskId}/call")
    @Operation(
            summary = "Call a named waiting ticket out of the policy's order (a visitor back after stepping out, "
                    + "an appointment holder), with a reason and an optional note; a repeat while it is still "
                    + "called at this desk answers again")
    public Mono<OutOfTurnCallResponse> callTicket(
            @PathVariable String centreId,
            @PathVariable String deskId,
            @RequestBody(required = false) @Nullable CallTicketRequest request) {
        if (request == null || request.visitId() == null || request.visitId().isBlank()) {
            throw CommonRefusal.REQUIRED.at("/visitId", "member", "visitId");
        }
        String visitId = request.visitId();
        FloorId visitFloor = FloorId.ofVisit(visitId);
        return this.<OutOfTurnAnswer>deskCommand(centreId, deskId, floor -> {
                    if (!floor.equals(visitFloor.toString())) {
                        // a ticket of another centre or day is none of this desk's
                        throw FloorRefusal.UNKNOWN_VISIT.with("visit", visitId);
                    }
                    return new CallOutOfTurn(floor, deskId, visitId, request.reason(), request.note(), now());
                })
                .map(a -> new OutOfTurnCallResponse(a.visitId(), a.ticket(), a.serviceCode(), a.deskId()));
    }

    @PostMapping("/centres/{centreId}/close-day")
    @Operation(
            summary = "Close today's floor now (it also closes by itself at closing time): open visits are "
                    + "closed with a reason or carried over, as the centre's rule says")
    public Mono<DeskResponse> closeDay(@PathVariable String centreId) {
        return Blocking.call(() -> floors.today(centreId))
                .flatMap(floor -> Blocking.send(commands, new CloseFloor(floor.toString(), now()))
                        .onErrorMap(
                                AggregateNotFoundException.class,
                                e -> FloorRefusal.FLOOR_NOT_STARTED.with("floor", floor.toString())))
                .thenReturn(new DeskResponse("*", DeskStatus.CLOSED));
    }

    @PostMapping("/visits/{visitId}/recall")
    public Mono<VisitActionResponse> recall(@PathVariable String visitId) {
        return visitCommand(visitId, VisitAction.RECALL, floor -> new Recall(floor, visitId, now()));
    }

    @PostMapping("/visits/{visitId}/start")
    public Mono<VisitActionResponse> start(@PathVariable String visitId) {
        return visitCommand(visitId, VisitAction.START, floor -> new StartService(floor, visitId, now()));
    }

    @PostMapping("/visits/{visitId}/complete")
    public Mono<VisitActionResponse> complete(@PathVariable String visitId) {
        return visitCommand(visitId, VisitAction.COMPLETE, floor -> new CompleteService(floor, visitId, now()));
    }

    @PostMapping("/visits/{visitId}/transfer")
    public Mono<VisitActionResponse> transfer(@PathVariable String visitId, @RequestBody TransferRequest request) {
        if (request == null
                || request.toServiceCode() == null
                || request.toServiceCode().isBlank()) {
            throw CommonRefusal.REQUIRED.at("/toServiceCode", "member", "toServiceCode");
        }
        return visitCommand(
                visitId, VisitAction.TRANSFER, floor -> new Transfer(floor, visitId, request.toServiceCode(), now()));
    }

    @PostMapping("/visits/{visitId}/return")
    @Operation(
            summary = "Return a called ticket (not yet in service) to its queue with a reason and an optional note; "
                    + "it keeps its arrival time, so its place")
    public Mono<VisitActionResponse> returnToQueue(
            @PathVariable String visitId, @RequestBody(required = false) @Nullable ReturnRequest request) {
        ReturnReason reason = request == null ? null : request.reason();
        String note = request == null ? null : request.note();
        return visitCommand(
                visitId, VisitAction.RETURN, floor -> new ReturnToQueue(floor, visitId, reason, note, now()));
    }

    @PostMapping("/visits/{visitId}/no-show")
    public Mono<VisitActionResponse> noShow(@PathVariable String visitId) {
        return visitCommand(visitId, VisitAction.NO_SHOW, floor -> new MarkNoShow(floor, visitId, now()));
    }

    @PostMapping("/visits/{visitId}/cancel")
    public Mono<VisitActionResponse> cancel(
            @PathVariable String visitId, @RequestBody(required = false) CancelRequest request) {
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 200) {
            throw FloorRefusal.REASON_TOO_LONG.at("/reason", "max", 200);
        }
        return visitCommand(visitId, VisitAction.CANCEL, floor -> new CancelVisit(floor, visitId, reason, now()));
    }

    @GetMapping("/visits/{visitId}")
    @Operation(summary = "A visit and its whole timeline (staff)")
    public Mono<VisitDetails> visit(@PathVariable String visitId) {
        FloorId.ofVisit(visitId);
        return Blocking.call(() -> floors.visit(visitId)
                .map(FloorController::details)
                .orElseThrow(() -> FloorRefusal.UNKNOWN_VISIT.with("visit", visitId)));
    }

    /** Why a desk is paused or closed (a supervisor acting on a desk someone left open): at most 200 letters. */
    private static @Nullable String reasonOf(@Nullable DeskActionRequest request) {
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? null
                        : request.reason().strip();
        if (reason != null && reason.length() > 200) {
            throw FloorRefusal.REASON_TOO_LONG.at("/reason", "max", 200);
        }
        return reason;
    }

    @GetMapping("/centres/{centreId}/visits")
    @Operation(
            summary = "A visit by the ticket the visitor holds (its number now or before a transfer), on a day "
                    + "(today when left out); staff")
    public Mono<VisitDetails> visitByTicket(
            @PathVariable String centreId,
            @RequestParam String ticket,
            @RequestParam(required = false) @Nullable String day) {
        String number = printedTicket(ticket);
        return Blocking.call(() -> {
            FloorId floor = day == null ? floors.today(centreId) : new FloorId(centreId, dayOf(day));
            return floors.visitByTicket(floor, number)
                    .map(FloorController::details)
                    .orElseThrow(() -> FloorRefusal.TICKET_NOT_ON_DAY.with(
                            "ticket", number, "date", floor.day().toString()));
        });
    }

    /** A ticket as typed ("a12", "A-12", "A-۰۱۲") as printed ("A-012"). */
    static String printedTicket(String ticket) {
        Matcher typed = TICKET.matcher(Digits.toLatin(ticket).strip().toUpperCase(Locale.ROOT));
        if (!typed.matches()) {
            throw RequestRefusal.PARAMETER.at(null, "parameter", "ticket");
        }
        return Floor.ticketOf(typed.group(1), Integer.parseInt(typed.group(2)));
    }

    static LocalDate dayOf(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw RequestRefusal.PARAMETER.at(null, "parameter", "day");
        }
    }

    @GetMapping("/centres/{centreId}/queues")
    @Operation(summary = "The queues of today's floor, in the order the policy would call them now")
    public Mono<QueuesView> queues(@PathVariable String centreId) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            return queuesOf(centre, floors.board(floors.today(centreId)), now());
        });
    }

    /** The queues and desks of a board as they stand at {@code now}: today's live, or a past moment's. */
    public static QueuesView queuesOf(CentreProfile centre, FloorBoard board, Instant now) {
        String centreId = centre.centreId();
        List<ServiceQueue> services = new ArrayList<>();
        for (CentreProfile.Service s : centre.services()) {
            List<VisitView> waiting = board.settings == null ? List.of() : board.waitingFor(s.code(), now);
            List<QueuedTicket> tickets = new ArrayList<>();
            double longest = 0;
            for (int i = 0; i < waiting.size(); i++) {
                VisitView v = waiting.get(i);
                double waited = Math.round(Duration.between(v.arrivedAt, now).toMillis() / 600.0) / 100.0;
                longest = Math.max(longest, waited);
                tickets.add(new QueuedTicket(v.visitId, v.ticket, v.priorityClass, v.arrivedAt, waited, i + 1));
            }
            WaitEstimate eta = WaitEstimator.forNewcomer(board, s.code(), now);
            services.add(new ServiceQueue(
                    s.code(),
                    s.targetWaitMinutes(),
                    waiting.size(),
                    longest,
                    longest > s.targetWaitMinutes(),
                    board.desksServing(s.code()),
                    eta.minutes(),
                    eta,
                    tickets));
        }
        List<DeskState> desks = board.desks.values().stream()
                .map(d -> new DeskState(
                        d.deskId,
                        d.status,
                        d.serviceCodes,
                        d.staffId,
                        d.currentVisitId,
                        d.currentTicket,
                        d.openedAt,
                        d.pauseReason,
                        board.callOrder(d.deskId, now).stream()
                                .map(v -> v.visitId)
                                .toList()))
                .toList();
        List<HourCount> hourly = board.hours.entrySet().stream()
                .map(h -> new HourCount(h.getKey(), h.getValue().arrived, h.getValue().served))
                .toList();
        List<WaitCount> waits = FloorBoard.waitBucketNames().stream()
                .map(bucket -> new WaitCount(bucket, board.waits.getOrDefault(bucket, 0)))
                .toList();
        return new QueuesView(centreId, board.day, board.closed, services, desks, hourly, waits);
    }

    static VisitDetails details(VisitView v) {
        return new VisitDetails(
                v.visitId,
                v.ticket,
                v.serviceCode,
                v.priorityClass,
                v.status,
                v.deskId,
                v.arrivedAt,
                v.appointmentRef,
                v.carriedOverFrom,
                v.timeline);
    }

    private Mono<FloorId> desk(String centreId, String deskId) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            if (centre.desks().stream().noneMatch(d -> d.deskId().equals(deskId))) {
                throw FloorRefusal.UNKNOWN_DESK.with("desk", deskId);
            }
            return floors.today(centreId);
        });
    }

    private <R> Mono<R> deskCommand(String centreId, String deskId, Function<String, Object> command) {
        return desk(centreId, deskId)
                .flatMap(floor -> Blocking.<R>send(commands, command.apply(floor.toString())))
                .onErrorMap(AggregateNotFoundException.class, e -> FloorRefusal.DESK_CLOSED.with("desk", deskId));
    }

    private Mono<VisitActionResponse> visitCommand(
            String visitId, VisitAction action, Function<String, Object> command) {
        String floor = FloorId.ofVisit(visitId).toString();
        return Blocking.send(commands, command.apply(floor))
                .onErrorMap(AggregateNotFoundException.class, e -> FloorRefusal.UNKNOWN_VISIT.with("visit", visitId))
                .thenReturn(new VisitActionResponse(visitId, action));
    }

    /**
     * A client's idempotency key belongs to the caller who sent it: the same requestId from another
     * device or staff member is another request, never a replay of someone else's answer (a tracking
     * token, a called ticket). '/' appears in no request id, staff name or device id, so two callers'
     * keys never coincide, nor with keys recorded before they were scoped. Runs where {@link Acting}
     * knows the caller.
     */
    static String scopedToCaller(String requestId) {
        if (requestId == null) {
            return null;
        }
        return Acting.current().map(Actor::id).orElse("anonymous") + "/" + requestId;
    }

    private static String optionalRequestId(String requestId) {
        if (requestId == null) {
            return null;
        }
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw FloorRefusal.MALFORMED_REQUEST_ID.at("/requestId");
        }
        return requestId;
    }

    /**
     * Walk-ins only within the centre's opening hours in its own time zone and not on its holidays:
     * no ticket at 1 a.m. or on Nowruz (a check-in keeps its own window around the appointment).
     */
    static void requireOpen(CentreProfile centre, CentreHolidays holidays, Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(centre.timeZone()));
        if (holidays.isHoliday(centre.centreId(), local.toLocalDate())) {
            throw FloorRefusal.CLOSED_HOLIDAY.with("date", local.toLocalDate().toString());
        }
        LocalTime time = local.toLocalTime();
        List<CentreProfile.OpeningPeriod> today = centre.openingHours().stream()
                .filter(p -> p.day() == local.getDayOfWeek())
                .sorted(Comparator.comparing(CentreProfile.OpeningPeriod::opens))
                .toList();
        if (today.stream().anyMatch(p -> !time.isBefore(p.opens()) && time.isBefore(p.closes()))) {
            return;
        }
        if (today.isEmpty()) {
            throw FloorRefusal.CLOSED_TODAY.with();
        }
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String hours = today.stream()
                .map(p -> p.opens().format(hhmm) + "–" + p.closes().format(hhmm))
                .collect(Collectors.joining(", "));
        throw FloorRefusal.CLOSED_NOW.with("hours", hours);
    }

    private Instant now() {
        return floors.clock().instant();
    }
}
