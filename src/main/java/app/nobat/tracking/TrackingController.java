package app.nobat.tracking;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.Actor;
import app.nobat.common.CommonRefusal;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.board.FloorFeed;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.board.WaitEstimate;
import app.nobat.floor.board.WaitEstimator;
import app.nobat.floor.domain.FloorCommand.LeaveQueue;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.FloorRefusal;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.platform.web.Blocking;
import app.nobat.platform.web.LiveStreamSettings;
import app.nobat.platform.web.LiveStreams;
import app.nobat.platform.web.PublicBaseUrl;
import app.nobat.platform.web.QrCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A visitor follows one ticket by its unguessable tracking token. */
@RestController
@RequestMapping("/api/track/{token}")
@Tag(name = "tracking", description = "A visitor's own ticket, by its tracking token")
public class TrackingController {

    /** Who acts when a visitor leaves: the holder of the link, named by no personal datum. */
    static final Actor VISITOR = new Actor("visitor", "VISITOR");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final FloorQueries floors;
    private final FloorFeed feed;
    private final Duration heartbeat;
    private final PublicBaseUrl publicBaseUrl;
    private final CommandGateway commands;

    public TrackingController(
            FloorQueries floors,
            FloorFeed feed,
            LiveStreamSettings streams,
            PublicBaseUrl publicBaseUrl,
            CommandGateway commands) {
        this.commands = commands;
        this.floors = floors;
        this.feed = feed;
        this.heartbeat = streams.heartbeat();
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping
    @Operation(summary = "The ticket now: position, estimated wait, or the desk to go to")
    public Mono<TrackingView> snapshot(@PathVariable String token) {
        return Blocking.call(() -> {
            String visitId = visitIdOf(token);
            return view(visitId, floors.board(FloorId.ofVisit(visitId)));
        });
    }

    /** Changes a phone's stream takes from the feed ahead of its view. */
    private static final int CHANGES_IN_HAND = 4;

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The ticket live: an event each time what the visitor sees changes")
    @ApiResponse(
            responseCode = "200",
            description = "Events named ticket, each a TrackingView",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = TrackingView.class)))
    public Flux<ServerSentEvent<TrackingView>> stream(@PathVariable String token) {
        return Blocking.call(() -> visitIdOf(token)).flatMapMany(visitId -> {
            FloorId floor = FloorId.ofVisit(visitId);
            Flux<ServerSentEvent<TrackingView>> updates = feed.follow(floor.centreId(), null)
                    // a phone needs the latest change, not 256 of them queued (each open phone holds its queue)
                    .publishOn(Schedulers.boundedElastic(), CHANGES_IN_HAND)
                    .map(change -> floor.toString().equals(change.board().floorId)
                            ? view(visitId, change.board())
                            : view(visitId, floors.board(floor)))
                    .distinctUntilChanged()
                    // an ended visit never changes again: later reads of its record must not show an older state
                    .takeUntil(v -> !v.status().isOpen())
                    .map(v -> ServerSentEvent.<TrackingView>builder()
                            .event("ticket")
                            .data(v)
                            .build());
            return LiveStreams.withHeartbeat(updates, heartbeat);
        });
    }

    /**
     * The visitor gives up the ticket ("I am leaving"): only a waiting or called visit, and a retried
     * tap answers as the first did. The token is the bearer's proof; the event names the visitor as
     * actor, never who they are.
     */
    @PostMapping("/leave")
    @Operation(summary = "The visitor cancels their own ticket (waiting or called); a repeat changes nothing")
    public Mono<TrackingView> leave(@PathVariable String token) {
        return Blocking.call(() -> visitIdOf(token))
                .flatMap(visitId -> Blocking.send(
                                commands,
                                new LeaveQueue(
                                        FloorId.ofVisit(visitId).toString(),
                                        visitId,
                                        floors.clock().instant()))
                        .then(Blocking.call(() -> {
                            FloorId floor = FloorId.ofVisit(visitId);
                            // the command is done; the read model may lag: the phone is told the outcome it caused
                            TrackingView now = view(visitId, floors.board(floor));
                            return now.status().isOpen() ? cancelled(now) : now;
                        })))
                .onErrorMap(AggregateNotFoundException.class, e -> FloorRefusal.UNKNOWN_TICKET.with())
                .contextWrite(context -> context.put(Actor.class, VISITOR));
    }

    private static TrackingView cancelled(TrackingView v) {
        return new TrackingView(
                v.centreId(),
                v.ticket(),
                v.serviceCode(),
                v.priorityClass(),
                VisitStatus.CANCELLED,
                0,
                0,
                WaitEstimate.NOW,
                v.deskId(),
                v.calledAt(),
                v.recall(),
                null,
                v.previousTicket(),
                v.previousServiceCode());
    }

    /**
     * The tracking page's address as a QR code, printed on the kiosk's ticket. It encodes only the
     * address: the token is checked for its form, not looked up, so that a ticket printed the
     * moment it is issued never waits for the read model (the page itself answers for the token).
     */
    @GetMapping(value = "/qr.svg", produces = "image/svg+xml")
    @Operation(
            summary = "The visitor's tracking page as a QR code (SVG), for the printed ticket; "
                    + "with lang, the page opens in the language chosen at the kiosk")
    public Mono<ResponseEntity<String>> qr(@PathVariable String token, @RequestParam(required = false) String lang) {
        requireTokenForm(token);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("token", token);
        if (lang != null) {
            if (!CentreProfile.LANGUAGES.contains(lang)) {
                throw CommonRefusal.UNKNOWN_LANGUAGE.at(null, "member", "lang");
            }
            query.put("lang", lang);
        }
        URI page = publicBaseUrl.page("/track.html", query);
        return Mono.fromSupplier(() -> QrCodes.response(page.toString()));
    }

    private static void requireTokenForm(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw FloorRefusal.UNKNOWN_TICKET.with();
        }
    }

    private String visitIdOf(String token) {
        requireTokenForm(token);
        return floors.visitIdForToken(token).orElseThrow(() -> FloorRefusal.UNKNOWN_TICKET.with());
    }

    private TrackingView view(String visitId, FloorBoard board) {
        VisitView visit = board.visits.get(visitId);
        if (visit == null) {
            visit = board.justEnded.get(visitId);
        }
        if (visit == null) {
            // ended, or so new that this board has not seen it: its own record answers
            visit = floors.visit(visitId).orElseThrow(() -> FloorRefusal.UNKNOWN_TICKET.with());
        }
        Instant now = floors.clock().instant();
        int position = board.positionOf(visit, now);
        WaitEstimate eta = position == 0 ? WaitEstimate.NOW : WaitEstimator.forVisit(board, visit, now);
        // whole minutes: the phone shows a clock time, and an answer that changes every second would stream for nothing
        Instant expected = position == 0 || !eta.known()
                ? null
                : now.plus(Duration.ofMinutes(eta.minutes())).truncatedTo(ChronoUnit.MINUTES);
        return new TrackingView(
                FloorId.ofVisit(visitId).centreId(),
                visit.ticket,
                visit.serviceCode,
                visit.priorityClass,
                visit.status,
                position,
                eta.minutes(),
                eta,
                visit.deskId,
                visit.calledAt,
                visit.recalls,
                expected,
                visit.transferredFromTicket,
                visit.transferredFromService);
    }
}
