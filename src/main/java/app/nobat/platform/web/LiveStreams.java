package app.nobat.platform.web;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.time.Duration;

/** Server-Sent Event streams that stay open: a heartbeat comment keeps proxies and clients from timing out. */
public final class LiveStreams {

    private LiveStreams() {
    }

    public static <T> Flux<ServerSentEvent<T>> withHeartbeat(Flux<ServerSentEvent<T>> events, Duration every) {
        return Flux.merge(events, Flux.interval(every, every)
                .map(i -> ServerSentEvent.<T>builder().comment("heartbeat").build()));
    }
}
