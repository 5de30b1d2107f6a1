package app.nobat.access.web;

import app.nobat.access.AccessRefusal;
import app.nobat.access.devices.DevicePrincipal;
import app.nobat.access.staff.StaffRole;
import app.nobat.common.Refused;
import app.nobat.platform.web.ProblemHandling;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Staff accounts limited to some centres act only there: a request that names another centre in
 * its path (a centre's routes and its staffing advice, or a visit, whose id starts with its
 * centre's) is refused with 403
 * {@code not-your-centre}, and so is account and device administration, which spans centres.
 * The visitors' open reads of a centre stay open. An account without centres may act at all of
 * them; devices are bound to their centre by {@link CentreBound}.
 */
final class CentreLimits {

    private static final String PREFIX = StaffRole.CENTRE_AUTHORITY_PREFIX;

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final List<PathPattern> CENTRE = List.of(
            PARSER.parse("/api/centres/{centreId}"),
            PARSER.parse("/api/centres/{centreId}/**"),
            PARSER.parse("/api/planning/centres/{centreId}/**"));
    private static final List<PathPattern> VISIT =
            List.of(PARSER.parse("/api/visits/{visitId}"), PARSER.parse("/api/visits/{visitId}/**"));
    private static final PathPattern ADMIN = PARSER.parse("/api/admin/**");
    private static final List<PathPattern> OPEN_READS = List.of(
            PARSER.parse("/api/centres/{centreId}"),
            PARSER.parse("/api/centres/{centreId}/holidays"),
            PARSER.parse("/api/centres/{centreId}/voice"),
            PARSER.parse("/api/centres/{centreId}/voice/{language}/{key}"),
            PARSER.parse("/api/centres/{centreId}/services/{serviceCode}/slots"),
            PARSER.parse("/api/centres/{centreId}/services/{serviceCode}/days"));

    private CentreLimits() {}

    static WebFilter filter(ObjectMapper json) {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(auth -> refusal(auth, exchange))
                .defaultIfEmpty(Optional.empty())
                .flatMap(refused ->
                        refused.isPresent() ? refuse(exchange, json, refused.get()) : chain.filter(exchange));
    }

    /** Why this account may not make this request, or empty when it may. */
    private static Optional<Refused> refusal(Authentication auth, ServerWebExchange exchange) {
        if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() instanceof DevicePrincipal) {
            return Optional.empty();
        }
        Set<String> centres = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length()))
                .collect(Collectors.toSet());
        if (centres.isEmpty()) {
            return Optional.empty();
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (ADMIN.matches(path)) {
            return Optional.of(AccessRefusal.ALL_CENTRES_ONLY.with());
        }
        HttpMethod method = exchange.getRequest().getMethod();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD)
                && OPEN_READS.stream().anyMatch(p -> p.matches(path))) {
            return Optional.empty();
        }
        Optional<String> centre = variable(CENTRE, path, "centreId")
                .or(() -> variable(VISIT, path, "visitId").map(visit -> visit.split(":", 2)[0]));
        return centre.filter(c -> !centres.contains(c))
                .map(c -> AccessRefusal.NOT_YOUR_CENTRE.with(
                        "centres", centres.stream().sorted().toList()));
    }

    private static Optional<String> variable(List<PathPattern> patterns, PathContainer path, String name) {
        return patterns.stream()
                .map(p -> p.matchAndExtract(path))
                .filter(Objects::nonNull)
                .findFirst()
                .map(m -> m.getUriVariables().get(name));
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, ObjectMapper json, Refused refused) {
        ProblemDetail problem = ProblemHandling.problem(refused.refusal(), refused.values());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (Exception e) {
            return response.setComplete();
        }
    }
}
