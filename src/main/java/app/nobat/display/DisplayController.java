package app.nobat.display;

import app.nobat.floor.board.FloorChange;
import app.nobat.floor.board.FloorChangeKind;
import app.nobat.floor.board.FloorFeed;
import app.nobat.floor.board.FloorQueries;
import app.nobat.platform.web.Blocking;
import app.nobat.platform.web.LiveStreamSettings;
import app.nobat.platform.web.LiveStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The queue display of a centre: a snapshot, and live over Server-Sent Events. */
@RestController
@RequestMapping("/api/centres/{centreId}/display")
@Tag(name = "display", description = "Queue displays: tickets, desks and services only")
public class DisplayController {

    /** One SSE message: what changed, and the display after the change. */
    public record DisplayMessage(
            FloorChangeKind kind, @Nullable Object change, DisplayView display) {}

    private final FloorQueries floors;
    private final FloorFeed feed;
    private final Clock clock;
    private final Duration heartbeat;

    public DisplayController(FloorQueries floors, FloorFeed feed, Clock clock, LiveStreamSettings streams) {
        this.floors = floors;
        this.feed = feed;
        this.clock = clock;
        this.heartbeat = streams.heartbeat();
    }

    @GetMapping
    @Operation(summary = "The display now")
    public Mono<DisplayView> snapshot(@PathVariable String centreId) {
        return Blocking.call(() ->
                DisplayView.of(floors.board(floors.today(centreId)), floors.serviceOrder(centreId), clock.instant()));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The display live: a snapshot event first, then every call and queue change; "
                    + "heartbeat comments; resume with Last-Event-ID")
    @ApiResponse(
            responseCode = "200",
            description = "Events named by their kind (snapshot, call, …), each a DisplayMessage",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = DisplayMessage.class)))
    public Flux<ServerSentEvent<DisplayMessage>> stream(
            @PathVariable String centreId,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        return Blocking.call(() -> floors.serviceOrder(centreId)).flatMapMany(services -> {
            Flux<ServerSentEvent<DisplayMessage>> changes =
                    feed.follow(centreId, lastEventId).map(change -> toEvent(change, services));
            return LiveStreams.withHeartbeat(changes, heartbeat);
        });
    }

    private ServerSentEvent<DisplayMessage> toEvent(FloorChange change, List<String> services) {
        return ServerSentEvent.<DisplayMessage>builder()
                .id(change.eventId())
                .event(change.kind().wireName())
                .data(new DisplayMessage(
                        change.kind(), change.detail(), DisplayView.of(change.board(), services, clock.instant())))
                .build();
    }
}
