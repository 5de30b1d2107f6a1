package app.nobat.access.web;

import app.nobat.platform.web.ProblemHandling;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client limits on the open endpoints (booking and tracking), with Bucket4j token buckets:
 * over the limit a client gets 429 with Retry-After. Booking changes have the tighter budget (they
 * write, and a booking code is guessed by trying); reads a looser one. Staff and devices, who sign
 * in, are not limited here.
 */
public class RateLimits implements WebFilter {

    public record Limits(int bookingChangesPerMinute, int publicReadsPerMinute) {
    }

    private final Limits limits;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Limits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        boolean open = path.startsWith("/api/appointments") || path.startsWith("/api/track/")
                || path.matches("/api/centres/[^/]+/services/[^/]+/slots");
        if (!open || request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        boolean change = request.getMethod() != HttpMethod.GET;
        String client = client(exchange) + (change ? "#change" : "#read");
        if (buckets.size() > 100_000) {
            buckets.clear(); // a flood of addresses: start over rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(change ? limits.bookingChangesPerMinute()
                                : limits.publicReadsPerMinute())
                        .refillGreedy(change ? limits.bookingChangesPerMinute() : limits.publicReadsPerMinute(),
                                Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = ProblemHandling.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many requests from this client; try again in " + seconds + " seconds");
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (Exception e) {
            return response.setComplete();
        }
    }

    /** The client's address; behind a proxy, configure forwarded headers so that this is the visitor's. */
    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
