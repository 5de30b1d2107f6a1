package app.nobat.access.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import app.nobat.access.AccessRefusal;
import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import app.nobat.common.Refusal;
import app.nobat.platform.web.ProblemHandling;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Who may call what (docs/design.md, Privacy). Staff sign in with a session cookie (form
 * login, CSRF-protected) or HTTP Basic; kiosks and displays carry a device token; visitors' booking
 * and tracking stay open. Anything not listed here is refused, so a new route needs a rule.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityRules {

    private static final Set<HttpMethod> SAFE = Set.of(GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain accessRules(
            ServerHttpSecurity http,
            DeviceTokens devices,
            StaffAccounts accounts,
            RateLimits rateLimits,
            CredentialChanges changes,
            ObjectMapper json,
            StreamRecheckSettings recheck,
            ServerProperties server,
            ObjectProvider<SpringDocConfigProperties> apiDocs) {
        // springdoc's own settings exist only while it serves the API reference (not in the prod profile)
        boolean apiReference = apiDocs.getIfAvailable() != null;
        Cookie sessionCookie = server.getReactive().getSession().getCookie();
        boolean secureCookies = Boolean.TRUE.equals(sessionCookie.getSecure());
        String sameSiteValue = sessionCookie.getSameSite() == null
                ? null
                : sessionCookie.getSameSite().attributeValue();
        CredentialCheck credentials = new CredentialCheck(accounts, devices);
        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
        csrfHandler.setTokenFromMultipartDataEnabled(false);
        // the XSRF-TOKEN cookie gets the session cookie's Secure and SameSite
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(secureCookies).sameSite(sameSiteValue));
        return http.authorizeExchange(rules -> {
                    // the API reference, only where it is served (the prod profile turns it off)
                    if (apiReference) {
                        rules.pathMatchers(
                                        GET,
                                        "/v3/api-docs",
                                        "/v3/api-docs/**",
                                        "/swagger-ui.html",
                                        "/swagger-ui/**",
                                        "/webjars/**")
                                .permitAll();
                    }
                    rules
                            // the health probes, for load balancers and Docker: anyone sees the status,
                            // administrators the details (management.endpoint.health.show-details)
                            .matchers(EndpointRequest.to(HealthEndpoint.class))
                            .permitAll()
                            // the other actuator endpoints (metrics, Prometheus, info) span every centre
                            .matchers(EndpointRequest.toAnyEndpoint())
                            .access(new AllCentresAdministrator())
                            // the pages
                            .pathMatchers(
                                    GET,
                                    "/",
                                    "/*.html",
                                    "/*.js",
                                    "/*.css",
                                    "/*.svg",
                                    "/*.ico",
                                    "/*.png",
                                    "/manifest.json",
                                    "/assets/**",
                                    "/voice/**")
                            .permitAll()
                            .pathMatchers(POST, "/login", "/logout")
                            .permitAll()
                            // visitors: centres, slots, holidays, their appointments, their ticket
                            .pathMatchers(
                                    GET,
                                    "/api/centres",
                                    "/api/centres/{centreId}",
                                    "/api/centres/{centreId}/services/{serviceCode}/slots",
                                    "/api/centres/{centreId}/services/{serviceCode}/days",
                                    "/api/centres/{centreId}/holidays")
                            .permitAll()
                            // the words the displays announce calls with (a display's audio carries no token)
                            .pathMatchers(
                                    GET,
                                    "/api/centres/{centreId}/voice",
                                    "/api/centres/{centreId}/voice/{language}/{key}")
                            .permitAll()
                            .pathMatchers(POST, "/api/appointments", "/api/appointments/{code}/reschedule")
                            .permitAll()
                            .pathMatchers(GET, "/api/appointments/{code}", "/api/appointments/{code}/qr.svg")
                            .permitAll()
                            .pathMatchers(DELETE, "/api/appointments/{code}", "/api/appointments/{code}/personal-data")
                            .permitAll()
                            .pathMatchers(
                                    GET, "/api/track/{token}", "/api/track/{token}/stream", "/api/track/{token}/qr.svg")
                            .permitAll()
                            // the bearer of a tracking link gives up that ticket ("I am leaving")
                            .pathMatchers(POST, "/api/track/{token}/leave")
                            .permitAll()
                            // anyone signed in or any device: who am I
                            .pathMatchers(GET, "/api/me")
                            .authenticated()
                            // devices, each at its own centre, and staff
                            .pathMatchers(POST, "/api/centres/{centreId}/visits")
                            .access(new CentreBound(DeviceKind.KIOSK, StaffRole.DESK))
                            // the kiosk reads the display's snapshot for the waiting count on its buttons
                            .pathMatchers(GET, "/api/centres/{centreId}/display")
                            .access(new CentreBound(Set.of(DeviceKind.DISPLAY, DeviceKind.KIOSK), StaffRole.DESK))
                            .pathMatchers(GET, "/api/centres/{centreId}/display/stream")
                            .access(new CentreBound(DeviceKind.DISPLAY, StaffRole.DESK))
                            // desk staff
                            .pathMatchers(POST, "/api/centres/{centreId}/desks/{deskId}/*", "/api/visits/{visitId}/*")
                            .hasRole(StaffRole.DESK.name())
                            .pathMatchers(
                                    GET,
                                    "/api/visits/{visitId}",
                                    "/api/centres/{centreId}/queues",
                                    "/api/centres/{centreId}/visits")
                            .hasRole(StaffRole.DESK.name())
                            // supervisors
                            .pathMatchers(POST, "/api/centres/{centreId}/close-day")
                            .hasRole(StaffRole.SUPERVISOR.name())
                            .pathMatchers(
                                    GET,
                                    "/api/centres/{centreId}/appointments",
                                    "/api/centres/{centreId}/services/{serviceCode}/slot-template",
                                    // counts of the visitors' messages by outcome, no phone or text
                                    "/api/centres/{centreId}/notifications")
                            .hasRole(StaffRole.SUPERVISOR.name())
                            // staffing advice: arithmetic on the planner's own numbers, no centre's data
                            .pathMatchers(GET, "/api/planning/desks-needed")
                            .hasRole(StaffRole.SUPERVISOR.name())
                            // staffing advice on a centre's floor (CentreLimits keeps an account to its centres)
                            .pathMatchers(GET, "/api/planning/centres/{centreId}/staffing")
                            .hasRole(StaffRole.SUPERVISOR.name())
                            // reports of a centre's days and their exports (CentreLimits keeps an account to its
                            // centres)
                            .pathMatchers(GET, "/api/centres/{centreId}/reports", "/api/centres/{centreId}/reports/*")
                            .hasRole(StaffRole.SUPERVISOR.name())
                            // a centre's past floors and why a visit waited (CentreLimits keeps an account to its
                            // centres)
                            .pathMatchers(
                                    GET,
                                    "/api/centres/{centreId}/history/instants",
                                    "/api/centres/{centreId}/history/floor",
                                    "/api/centres/{centreId}/history/explanation")
                            .hasRole(StaffRole.SUPERVISOR.name())
                            // administrators
                            .pathMatchers(
                                    PUT,
                                    "/api/centres/{centreId}/services/{serviceCode}/slot-template",
                                    "/api/centres/{centreId}/holidays/{date}")
                            .hasRole(StaffRole.ADMIN.name())
                            .pathMatchers(DELETE, "/api/centres/{centreId}/holidays/{date}")
                            .hasRole(StaffRole.ADMIN.name())
                            .pathMatchers(PUT, "/api/centres/{centreId}")
                            .hasRole(StaffRole.ADMIN.name())
                            .pathMatchers(PUT, "/api/centres/{centreId}/voice/{language}/{key}")
                            .hasRole(StaffRole.ADMIN.name())
                            .pathMatchers(DELETE, "/api/centres/{centreId}/voice/{language}/{key}")
                            .hasRole(StaffRole.ADMIN.name())
                            .pathMatchers("/api/admin/**")
                            .hasRole(StaffRole.ADMIN.name())
                            .anyExchange()
                            .denyAll();
                })
                .securityContextRepository(new StaffSessions(credentials))
                .addFilterBefore(AuthorizationSchemes.filter(json), SecurityWebFiltersOrder.HTTP_BASIC)
                .addFilterAt(DeviceAuthentication.filter(devices, json), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(rateLimits.unlessAuthenticated(), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(RequestActor.filter(), SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterAfter(CentreLimits.filter(json), SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterAfter(
                        new CredentialWatch(credentials, changes, recheck.streamRecheck()),
                        SecurityWebFiltersOrder.AUTHORIZATION)
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (exchange, e) -> problem(exchange, json, AccessRefusal.UNAUTHENTICATED, Map.of())))
                .formLogin(form -> form.loginPage("/login")
                        // the staff pages sign in with fetch: answers, not redirects
                        .authenticationSuccessHandler((filterExchange, auth) -> filterExchange
                                .getExchange()
                                .getSession()
                                .flatMap(session -> session.changeSessionId()) // no session fixation
                                .then(json(
                                        filterExchange.getExchange(),
                                        json,
                                        HttpStatus.OK,
                                        RequestActor.of(auth)
                                                .map(a -> Map.of("name", a.id(), "role", a.role()))
                                                .orElse(Map.of()))))
                        .authenticationFailureHandler((filterExchange, e) ->
                                problem(filterExchange.getExchange(), json, AccessRefusal.SIGN_IN_FAILED, Map.of())))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler((filterExchange, auth) -> {
                    filterExchange.getExchange().getResponse().setStatusCode(HttpStatus.NO_CONTENT);
                    return Mono.empty();
                }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (exchange, e) -> problem(exchange, json, AccessRefusal.UNAUTHENTICATED, Map.of()))
                        .accessDeniedHandler(
                                (exchange, e) -> problem(exchange, json, AccessRefusal.FORBIDDEN, Map.of())))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .accessDeniedHandler(
                                (exchange, e) -> problem(exchange, json, AccessRefusal.CSRF_TOKEN, Map.of()))
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(SecurityRules::cookieAuthenticatedChange))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                        + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; "
                                        + "base-uri 'self'; form-action 'self'"))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
                .build();
    }

    /**
     * CSRF guards what a browser sends with its cookies: a state change that carries a session
     * cookie and no Authorization header. Token-carrying clients and anonymous visitors are not
     * ambient-authority requests.
     */
    static Mono<ServerWebExchangeMatcher.MatchResult> cookieAuthenticatedChange(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean change = !SAFE.contains(request.getMethod());
        boolean cookie = request.getCookies().containsKey("SESSION");
        boolean header = request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
        return change && cookie && !header
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /**
     * Spring Security would observe every filter of every request on its own (an observation, its
     * context and key values each), and a live stream holds its request's filter chain for as long
     * as it is open: 17 observations per idle phone. Requests are still observed once, as
     * {@code http.server.requests}.
     */
    @Bean
    static BeanPostProcessor securityFiltersObservedOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setFilterChainDecorator(new WebFilterChainProxy.DefaultWebFilterChainDecorator());
                }
                return bean;
            }
        };
    }

    /** Withdrawn credentials end this node's open streams at once. */
    @Bean
    CredentialChanges credentialChanges() {
        return new CredentialChanges();
    }

    /** Requests the firewall refuses (encoded slashes, path tricks, odd headers) get a problem too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ObjectMapper json) {
        return (exchange, e) -> problem(exchange, json, AccessRefusal.REJECTED_REQUEST, Map.of());
    }

    /** Writes the CSRF token cookie on every response, so that a page can send it back. */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    static Mono<Void> problem(ServerWebExchange exchange, ObjectMapper json, Refusal refusal, Map<String, ?> values) {
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        ProblemDetail problem = ProblemHandling.problem(refusal, values);
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException notAUri) {
            // a path the firewall refused may not be a URI at all: the problem goes without it
        }
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return json(exchange, json, status, problem);
    }

    private static Mono<Void> json(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, Object value) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        if (response.getHeaders().getContentType() == null) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(value);
        } catch (Exception e) {
            body = ("{\"status\":" + status.value() + "}").getBytes();
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
