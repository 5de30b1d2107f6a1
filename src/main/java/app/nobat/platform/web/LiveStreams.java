package app.nobat.platform.web;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Server-Sent Event streams that stay open: a heartbeat keeps proxies from timing out, and lets a
 * page tell a quiet stream from a dead one. It is a comment for proxies and an event named
 * "heartbeat" (without an id, so Last-Event-ID keeps pointing at the last real event) for pages.
 */
public final class LiveStreams {

    private LiveStreams() {}

    /** The events with heartbeats between them; the stream ends when the events end (a ticket that ended). */
    public static <T> Flux<ServerSentEvent<T>> withHeartbeat(Flux<ServerSentEvent<T>> events, Duration every) {
        Sinks.One<Boolean> ended = Sinks.one();
        return Flux.merge(
                events.doFinally(signal -> ended.tryEmitValue(true)),
                Flux.interval(every, every).map(i -> LiveStreams.<T>heartbeat()).takeUntilOther(ended.asMono()));
    }

    @SuppressWarnings("unchecked")
    private static <T> ServerSentEvent<T> heartbeat() {
        // a String is written as the data line as it is, whatever the stream's element type
        return (ServerSentEvent<T>) ServerSentEvent.builder("{}")
                .comment("heartbeat")
                .event("heartbeat")
                .build();
    }
}
