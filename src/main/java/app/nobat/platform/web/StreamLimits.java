package app.nobat.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Caps the live streams ({@code GET .../stream}) open at once: per client address, and per tracking
 * token (one ticket followed from many tabs or by a script). Over a cap the answer is 429 with a
 * problem body; a slot is given back when its stream ends, by completion, error or disconnect.
 */
public class StreamLimits implements WebFilter {

    public record Limits(int perClient, int perToken) {}

    private static final Pattern TRACKING = Pattern.compile("/api/track/([^/]+)/stream");

    private final Limits limits;
    private final ObjectMapper json;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public StreamLimits(Limits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        if (request.getMethod() != HttpMethod.GET || !path.endsWith("/stream")) {
            return chain.filter(exchange);
        }
        String client = "client:" + client(exchange);
        if (!take(client, limits.perClient())) {
            return refuse(exchange, "from this client");
        }
        Matcher tracking = TRACKING.matcher(path);
        String token = tracking.matches() ? "token:" + tracking.group(1) : null;
        if (token != null && !take(token, limits.perToken())) {
            release(client);
            return refuse(exchange, "for this ticket");
        }
        return chain.filter(exchange).doFinally(signal -> {
            release(client);
            if (token != null) {
                release(token);
            }
        });
    }

    /** How many streams are open under a key, for the tests. */
    int open(String key) {
        AtomicInteger count = open.get(key);
        return count == null ? 0 : count.get();
    }

    private boolean take(String key, int cap) {
        boolean[] taken = {false};
        open.compute(key, (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < cap) {
                c.incrementAndGet();
                taken[0] = true;
            }
            return c;
        });
        return taken[0];
    }

    private void release(String key) {
        // an entry whose count drops to zero is removed, so the map holds only open streams
        open.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String scope) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = ProblemHandling.problem(RequestRefusal.TOO_MANY_STREAMS, Map.of("scope", scope));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (Exception e) {
            return response.setComplete();
        }
    }

    /** The client's address; behind a proxy, the forwarded-headers strategy makes it the visitor's. */
    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
