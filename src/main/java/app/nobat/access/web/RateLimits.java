package app.nobat.access.web;

import app.nobat.access.AccessRefusal;
import app.nobat.platform.web.ProblemHandling;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-client limits on the open endpoints (booking and tracking), with Bucket4j token buckets:
 * over the limit a client gets 429 with Retry-After. Booking changes have the tighter budget (they
 * write, and a booking code is guessed by trying); reads a looser one. Only a request whose
 * credential authenticated it (a staff member, a device) is not limited: carrying an Authorization
 * header or a session cookie is not enough.
 */
public class RateLimits implements WebFilter {

    public record Limits(int bookingChangesPerMinute, int publicReadsPerMinute) {}

    private static final String CHARGED = RateLimits.class.getName() + ".charged";

    private final Limits limits;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Limits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /**
     * Before security: a request that carries no credential at all is charged here, so that an
     * anonymous flood is refused before any password or token is checked.
     */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!open(exchange) || carriesCredential(exchange)) {
            return chain.filter(exchange);
        }
        exchange.getAttributes().put(CHARGED, Boolean.TRUE);
        return charge(exchange, chain);
    }

    /**
     * After authentication, inside the security chain: a request that carried a credential is
     * exempt only if the credential authenticated it (wrong passwords and unknown tokens are refused
     * before this; a stale session cookie falls through as anonymous and is charged here).
     */
    public WebFilter unlessAuthenticated() {
        return (exchange, chain) -> {
            if (!open(exchange) || exchange.getAttributes().containsKey(CHARGED)) {
                return chain.filter(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                    .hasElement()
                    .flatMap(authenticated -> authenticated ? chain.filter(exchange) : charge(exchange, chain));
        };
    }

    private static boolean open(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/api/appointments")
                || path.startsWith("/api/track/")
                || path.matches("/api/centres/[^/]+/services/[^/]+/(slots|days)");
    }

    private static boolean carriesCredential(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                || request.getQueryParams().containsKey("device_token")
                || request.getCookies().containsKey("SESSION");
    }

    private Mono<Void> charge(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        boolean change = request.getMethod() != HttpMethod.GET;
        String client = client(exchange) + (change ? "#change" : "#read");
        if (buckets.size() > 100_000) {
            buckets.clear(); // a flood of addresses: start over rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(
                client,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(change ? limits.bookingChangesPerMinute() : limits.publicReadsPerMinute())
                                .refillGreedy(
                                        change ? limits.bookingChangesPerMinute() : limits.publicReadsPerMinute(),
                                        Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long seconds =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem =
                ProblemHandling.problem(AccessRefusal.TOO_MANY_REQUESTS, Map.of("retryAfterSeconds", seconds));
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (Exception e) {
            return response.setComplete();
        }
    }

    /** The client's address; behind a proxy, configure forwarded headers so that this is the visitor's. */
    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
