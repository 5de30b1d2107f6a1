package app.nobat.access.web;

import app.nobat.access.AccessRefusal;
import app.nobat.platform.web.ProblemHandling;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Throttles password guessing, for form login ({@code POST /login}) and HTTP Basic alike: each
 * failed sign-in (a 401 to a request that carried a user name and password) spends one of the
 * account's and one of the client address's allowance per window. While either is spent, every
 * sign-in of that account or from that address gets 429 with Retry-After, before its password is
 * checked, so that even the right password does not tell a guesser that it was right. Bucket4j
 * buckets refilled in full once a window, as in {@link RateLimits}.
 */
public class LoginThrottle implements WebFilter {

    public record Limits(int failuresPerAccount, int failuresPerAddress, Duration window) {}

    private static final int MAX_BUCKETS = 100_000;
    private static final int MAX_NAME = 64;

    private final Limits limits;
    private final ObjectMapper json;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return username(exchange)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(name -> name.isPresent() ? attempt(exchange, chain, name.get()) : chain.filter(exchange));
    }

    private Mono<Void> attempt(ServerWebExchange exchange, WebFilterChain chain, String username) {
        Bucket account = bucket(accounts, username, limits.failuresPerAccount());
        Bucket address = bucket(addresses, address(exchange), limits.failuresPerAddress());
        long wait = Math.max(waitNanos(account), waitNanos(address));
        if (wait > 0) {
            return tooMany(exchange, wait);
        }
        exchange.getResponse().beforeCommit(() -> {
            if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                account.tryConsume(1);
                address.tryConsume(1);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The user name of a sign-in: a Basic header's, or the login form's; empty when the request is none. */
    private static Mono<String> username(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Mono.justOrEmpty(basicUser(header.substring(6).trim()));
        }
        if (request.getMethod() == HttpMethod.POST
                && "/login".equals(request.getPath().pathWithinApplication().value())) {
            // the form is read once and cached by the exchange: the login filter reads the same copy
            return exchange.getFormData()
                    .map(form -> Optional.ofNullable(form.getFirst("username")).orElse(""));
        }
        return Mono.empty();
    }

    private static Optional<String> basicUser(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return Optional.of(colon < 0 ? pair : pair.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.of(""); // not Base64: still a failed sign-in to count
        }
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int failures) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // a flood of names or addresses: start over rather than grow without bound
        }
        String bounded = key.length() > MAX_NAME ? key.substring(0, MAX_NAME) : key;
        return buckets.computeIfAbsent(
                bounded.toLowerCase(Locale.ROOT),
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(failures)
                                .refillIntervally(failures, limits.window())
                                .build())
                        .build());
    }

    private static long waitNanos(Bucket bucket) {
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : Math.max(1, estimate.getNanosToWaitForRefill());
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem =
                ProblemHandling.problem(AccessRefusal.TOO_MANY_SIGN_IN_FAILURES, Map.of("retryAfterSeconds", seconds));
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (Exception e) {
            return response.setComplete();
        }
    }

    /** The client's address; behind a proxy, configure forwarded headers so that this is the caller's. */
    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
