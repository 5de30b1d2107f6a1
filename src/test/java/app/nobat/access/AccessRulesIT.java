package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import app.nobat.it.IntegrationTest;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.reactive.WebFluxEndpointHandlerMapping;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Walks every route the application exposes (the API's and the actuator's), for no credential and
 * for each role and device, and checks that only the intended ones get through (401 without a
 * credential, 403 with the wrong one). A route missing from the table below fails the test: every
 * new route needs a rule.
 */
@IntegrationTest
class AccessRulesIT {

    /**
     * The callers the rules name (ADMIN_ELSEWHERE: an administrator limited to another centre than
     * the walk's), and callers whose Authorization header proves nothing (refused 401 everywhere).
     */
    enum Caller {
        ANONYMOUS,
        KIOSK,
        KIOSK_ELSEWHERE,
        DISPLAY,
        DESK,
        SUPERVISOR,
        ADMIN,
        ADMIN_ELSEWHERE,
        UNKNOWN_SCHEME,
        BEARER,
        MALFORMED_BASIC,
        UNKNOWN_DEVICE;

        boolean proves() {
            return ordinal() <= ADMIN_ELSEWHERE.ordinal();
        }
    }

    static final Set<Caller> EVERYONE = EnumSet.range(Caller.ANONYMOUS, Caller.ADMIN_ELSEWHERE);
    static final Set<Caller> DESK_UP = EnumSet.of(Caller.DESK, Caller.SUPERVISOR, Caller.ADMIN);
    static final Set<Caller> SUPERVISOR_UP = EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN);
    static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);

    /** The intended rule of every route: who gets through. */
    static final Map<String, Set<Caller>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /api/centres", EVERYONE);
        RULES.put("GET /api/centres/{centreId}", EVERYONE);
        RULES.put("GET /api/centres/{centreId}/services/{serviceCode}/slots", EVERYONE);
        RULES.put("GET /api/centres/{centreId}/services/{serviceCode}/days", EVERYONE);
        RULES.put("GET /api/centres/{centreId}/holidays", EVERYONE);
        RULES.put("POST /api/appointments", EVERYONE);
        RULES.put("GET /api/appointments/{code}", EVERYONE);
        RULES.put("DELETE /api/appointments/{code}", EVERYONE);
        RULES.put("POST /api/appointments/{code}/reschedule", EVERYONE);
        RULES.put("GET /api/appointments/{code}/qr.svg", EVERYONE);
        RULES.put("DELETE /api/appointments/{code}/personal-data", EVERYONE);
        RULES.put("GET /api/track/{token}", EVERYONE);
        RULES.put("GET /api/track/{token}/stream", EVERYONE);
        RULES.put("GET /api/track/{token}/qr.svg", EVERYONE);
        RULES.put("POST /api/track/{token}/leave", EVERYONE);
        RULES.put("GET /api/me", EnumSet.range(Caller.KIOSK, Caller.ADMIN_ELSEWHERE));
        RULES.put(
                "POST /api/centres/{centreId}/visits",
                EnumSet.of(Caller.KIOSK, Caller.DESK, Caller.SUPERVISOR, Caller.ADMIN));
        // the kiosk shows each service's waiting count and estimated wait from the display's snapshot
        RULES.put(
                "GET /api/centres/{centreId}/display",
                EnumSet.of(Caller.KIOSK, Caller.DISPLAY, Caller.DESK, Caller.SUPERVISOR, Caller.ADMIN));
        RULES.put(
                "GET /api/centres/{centreId}/display/stream",
                EnumSet.of(Caller.DISPLAY, Caller.DESK, Caller.SUPERVISOR, Caller.ADMIN));
        for (String action : List.of("open", "pause", "resume", "close", "call-next", "call")) {
            RULES.put("POST /api/centres/{centreId}/desks/{deskId}/" + action, DESK_UP);
        }
        for (String action : List.of("recall", "start", "complete", "transfer", "no-show", "cancel", "return")) {
            RULES.put("POST /api/visits/{visitId}/" + action, DESK_UP);
        }
        RULES.put("GET /api/visits/{visitId}", DESK_UP);
        RULES.put("GET /api/centres/{centreId}/queues", DESK_UP);
        RULES.put("GET /api/centres/{centreId}/visits", DESK_UP);
        RULES.put("POST /api/centres/{centreId}/close-day", SUPERVISOR_UP);
        RULES.put("GET /api/centres/{centreId}/appointments", SUPERVISOR_UP);
        RULES.put("GET /api/centres/{centreId}/services/{serviceCode}/slot-template", SUPERVISOR_UP);
        RULES.put("GET /api/centres/{centreId}/notifications", SUPERVISOR_UP);
        // staffing advice names no centre, so an administrator of another centre may ask too
        RULES.put(
                "GET /api/planning/desks-needed", EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN, Caller.ADMIN_ELSEWHERE));
        // staffing advice on a centre's floor is that centre's, like the rest of the supervisor's routes
        RULES.put("GET /api/planning/centres/{centreId}/staffing", SUPERVISOR_UP);
        // a centre's reports are its supervisors' and administrators', like its staffing advice
        for (String report : List.of("", "/compare", "/csv", "/xlsx")) {
            RULES.put("GET /api/centres/{centreId}/reports" + report, SUPERVISOR_UP);
        }
        // a centre's past floors are that centre's, read by its supervisors
        RULES.put("GET /api/centres/{centreId}/history/instants", SUPERVISOR_UP);
        RULES.put("GET /api/centres/{centreId}/history/floor", SUPERVISOR_UP);
        RULES.put("GET /api/centres/{centreId}/history/explanation", SUPERVISOR_UP);
        RULES.put("PUT /api/centres/{centreId}/services/{serviceCode}/slot-template", ADMIN);
        RULES.put("PUT /api/centres/{centreId}/holidays/{date}", ADMIN);
        RULES.put("PUT /api/centres/{centreId}", ADMIN);
        RULES.put("DELETE /api/centres/{centreId}/holidays/{date}", ADMIN);
        RULES.put("GET /api/centres/{centreId}/voice", EVERYONE);
        RULES.put("GET /api/centres/{centreId}/voice/{language}/{key}", EVERYONE);
        RULES.put("PUT /api/centres/{centreId}/voice/{language}/{key}", ADMIN);
        RULES.put("DELETE /api/centres/{centreId}/voice/{language}/{key}", ADMIN);
        RULES.put("GET /api/admin/staff", ADMIN);
        RULES.put("POST /api/admin/staff", ADMIN);
        RULES.put("PUT /api/admin/staff/{username}", ADMIN);
        RULES.put("GET /api/admin/devices", ADMIN);
        RULES.put("POST /api/admin/devices", ADMIN);
        RULES.put("DELETE /api/admin/devices/{deviceId}", ADMIN);
        // the application's own endpoints: health for anyone (load balancers, Docker's health check)
        // with the status alone; the others tell about every centre, so administrators of all centres only
        RULES.put("GET /actuator/health", EVERYONE);
        RULES.put("GET /actuator/health/{*path}", EVERYONE);
        RULES.put("GET /actuator", ADMIN);
        RULES.put("GET /actuator/info", ADMIN);
        RULES.put("GET /actuator/metrics", ADMIN);
        RULES.put("GET /actuator/metrics/{requiredMetricName}", ADMIN);
        RULES.put("GET /actuator/prometheus", ADMIN);
        RULES.put("GET /api/admin/audit", ADMIN);
        RULES.put("GET /api/admin/notification-templates", ADMIN);
        RULES.put("PUT /api/admin/notification-templates/{language}/{kind}", ADMIN);
        RULES.put("DELETE /api/admin/notification-templates/{language}/{kind}", ADMIN);
        RULES.put("POST /api/admin/backups", ADMIN);
        RULES.put("GET /api/admin/backups", ADMIN);
        RULES.put("GET /api/admin/processors", ADMIN);
        RULES.put("GET /api/admin/processors/{processor}", ADMIN);
        RULES.put("POST /api/admin/processors/{processor}/rebuild", ADMIN);
    }

    static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("centreId", "persian-gulf"),
            Map.entry("serviceCode", "residence"),
            Map.entry("deskId", "desk-8"),
            Map.entry("visitId", "persian-gulf:2026-11-29:nobody"),
            Map.entry("code", "ZZZZ-ZZZZ"),
            Map.entry("token", "nope"),
            Map.entry("date", "2031-01-01"),
            Map.entry("username", "nobody-here"),
            Map.entry("deviceId", "no-such-device"),
            Map.entry("processor", "no-such-processor"),
            Map.entry("language", "ps"),
            Map.entry("key", "desk.desk-8"),
            Map.entry("kind", "turn-near"),
            Map.entry("*path", "readiness"),
            Map.entry("requiredMetricName", "jvm.memory.used"));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    WebFluxEndpointHandlerMapping endpoints;

    @Autowired
    DeviceTokens devices;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyRouteLetsThroughOnlyWhomItShould() {
        String elsewhere = devices.issue("test-kiosk-elsewhere", DeviceKind.KIOSK, "it-journey", Instant.now());
        accounts.save(new StaffAccounts.Account(
                "admin.elsewhere",
                encoder.encode("amber lantern ferry"),
                StaffRole.ADMIN,
                false,
                List.of("it-journey")));
        Map<Caller, String> credentials = Map.ofEntries(
                Map.entry(Caller.ADMIN_ELSEWHERE, basic("admin.elsewhere", "amber lantern ferry")),
                Map.entry(Caller.KIOSK, "Device demo-kiosk-token"),
                Map.entry(Caller.KIOSK_ELSEWHERE, "Device " + elsewhere),
                Map.entry(Caller.DISPLAY, "Device demo-display-token"),
                Map.entry(Caller.DESK, basic("demo-desk", "demo-desk-pass")),
                Map.entry(Caller.SUPERVISOR, basic("demo-supervisor", "demo-supervisor-pass")),
                Map.entry(Caller.ADMIN, basic("demo-admin", "demo-admin-pass")),
                Map.entry(Caller.UNKNOWN_SCHEME, "x"),
                Map.entry(Caller.BEARER, "Bearer foo"),
                Map.entry(Caller.MALFORMED_BASIC, "Basic not-base64!"),
                Map.entry(Caller.UNKNOWN_DEVICE, "Device no-such-token"));

        Set<String> exposed = new TreeSet<>();
        Set<RequestMappingInfo> routes =
                new HashSet<>(mappings.getHandlerMethods().keySet());
        routes.addAll(endpoints.getHandlerMethods().keySet());
        for (RequestMappingInfo info : routes) {
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                String route = pattern.getPatternString();
                if (!route.startsWith("/api/") && !route.equals("/actuator") && !route.startsWith("/actuator/")) {
                    continue;
                }
                info.getMethodsCondition()
                        .getMethods()
                        .forEach(m -> exposed.add(m.name() + " " + pattern.getPatternString()));
            }
        }
        assertThat(exposed).as("routes without a rule in this test").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for routes that no longer exist").isSubsetOf(exposed);

        List<String> wrong = new ArrayList<>();
        int checks = 0;
        for (String route : exposed) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            for (String name : VALUES.keySet()) {
                path = path.replace("{" + name + "}", VALUES.get(name));
            }
            for (Caller caller : Caller.values()) {
                Answer answer = answer(method, path, credentials.get(caller));
                int status = answer.status();
                boolean allowed = RULES.get(route).contains(caller);
                boolean refused = status == 401 || status == 403;
                int expectedRefusal = caller == Caller.ANONYMOUS || !caller.proves() ? 401 : 403;
                if (allowed == refused || (!allowed && status != expectedRefusal)) {
                    wrong.add(route + " as " + caller + ": " + status);
                }
                if (status >= 500 || (status >= 400 && !answer.isProblem())) {
                    wrong.add(route + " as " + caller + ": " + status + " not a problem: " + answer);
                }
                checks++;
            }
        }
        assertThat(wrong).as("%d checks", checks).isEmpty();
        System.out.printf(
                "Route walk: %d routes x %d callers = %d checks%n", exposed.size(), Caller.values().length, checks);
    }

    @Test
    void administratorsIssueAndRevokeDeviceTokensAndManageStaff() {
        String admin = basic("demo-admin", "demo-admin-pass");
        String issued = HttpClient.create()
                .headers(h -> h.set("Authorization", admin).set("Content-Type", "application/json"))
                .post()
                .uri("http://localhost:" + port + "/api/admin/devices")
                .send(ByteBufFlux.fromString(
                        Mono.just("{\"deviceId\":\"kiosk-hall-2\",\"kind\":\"KIOSK\",\"centreId\":\"persian-gulf\"}")))
                .responseSingle((r, body) -> body.asString())
                .block(Duration.ofSeconds(30));
        String token = issued.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(call("GET", "/api/admin/devices", admin)).isEqualTo(200);
        assertThat(call("POST", "/api/centres/persian-gulf/visits", "Device " + token))
                .isEqualTo(400);
        assertThat(call("DELETE", "/api/admin/devices/kiosk-hall-2", admin)).isEqualTo(200);
        assertThat(call("POST", "/api/centres/persian-gulf/visits", "Device " + token))
                .isEqualTo(401);

        String created = HttpClient.create()
                .headers(h -> h.set("Authorization", admin).set("Content-Type", "application/json"))
                .post()
                .uri("http://localhost:" + port + "/api/admin/staff")
                .send(ByteBufFlux.fromString(Mono.just(
                        "{\"username\":\"desk.amina\",\"password\":\"a long pass phrase\",\"role\":\"DESK\"}")))
                .responseSingle((r, body) -> body.asString())
                .block(Duration.ofSeconds(30));
        assertThat(created).contains("desk.amina").doesNotContain("pass phrase", "bcrypt");
        String amina = basic("desk.amina", "a long pass phrase");
        assertThat(call("GET", "/api/centres/persian-gulf/queues", amina)).isEqualTo(200);
        assertThat(call("POST", "/api/centres/persian-gulf/close-day", amina)).isEqualTo(403);
        assertThat(call("GET", "/api/centres/persian-gulf/queues", basic("desk.amina", "wrong")))
                .isEqualTo(401);
    }

    @Test
    void aRevokedDeviceTokenStopsWorkingAtOnce() {
        String token = devices.issue("test-display-revoked", DeviceKind.DISPLAY, "persian-gulf", Instant.now());
        assertThat(call("GET", "/api/centres/persian-gulf/display", "Device " + token))
                .isEqualTo(200);
        devices.revoke("test-display-revoked");
        assertThat(call("GET", "/api/centres/persian-gulf/display", "Device " + token))
                .isEqualTo(401);
        assertThat(call("GET", "/api/centres/persian-gulf/display?device_token=" + token, null))
                .isEqualTo(401);
    }

    @Test
    void aDisplayMayReadOnlyItsOwnCentreAndAKioskMayNotCallTickets() {
        assertThat(call("GET", "/api/centres/it-journey/display", "Device demo-display-token"))
                .isEqualTo(403);
        assertThat(call("GET", "/api/centres/persian-gulf/display?device_token=demo-display-token", null))
                .isEqualTo(200);
        assertThat(call("POST", "/api/centres/persian-gulf/desks/desk-1/call-next", "Device demo-kiosk-token"))
                .isEqualTo(403);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    record Answer(int status, String contentType, String body) {

        /** An RFC 7807 problem with a stable code in its type. */
        boolean isProblem() {
            return "application/problem+json".equals(contentType)
                    && body.contains("\"type\":\"https://nobat.app/problems/");
        }
    }

    /** The status, type and body of an answer; streams are left as soon as their headers arrive. */
    Answer answer(String method, String path, String authorization) {
        return HttpClient.create()
                .headers(h -> {
                    h.set("Content-Type", "application/json");
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .request(HttpMethod.valueOf(method))
                .uri("http://localhost:" + port + path)
                .send(
                        method.equals("GET") || method.equals("DELETE")
                                ? ByteBufFlux.empty()
                                : ByteBufFlux.fromString(Mono.just("{}")))
                .response((r, body) -> {
                    String type = r.responseHeaders().get("Content-Type", "");
                    if (type.startsWith("text/event-stream")) {
                        return Mono.just(new Answer(r.status().code(), type, ""));
                    }
                    return body.aggregate()
                            .asString()
                            .defaultIfEmpty("")
                            .map(text -> new Answer(r.status().code(), type, text));
                })
                .next()
                .block(Duration.ofSeconds(30));
    }

    /** Every refusal made before a controller is reached is a problem like the controllers' own. */
    @Test
    void refusalsAtTheDoorAreProblemsToo() {
        // the firewall: encoded slashes, dots, percent signs and backslashes, semicolons, doubled slashes
        for (String path : List.of(
                "/api/centres/a%2Fb",
                "/api/centres/a%2fb/holidays",
                "/api/centres/%2e%2e/holidays",
                "/api/centres;x=1",
                "/api/centres/a%25b",
                "/api/centres/a%5Cb",
                "/api//centres",
                "/api/track/a%3Bb",
                "/api/centres/./persian-gulf",
                "/api/centres/x/../persian-gulf")) {
            Answer answer = answer("GET", path, null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.isProblem()).as(path + ": " + answer).isTrue();
            assertThat(answer.body()).as(path).contains("https://nobat.app/problems/rejected-request");
        }
        // a device token that is unknown, given in the header or (displays) in the query
        for (Answer answer : List.of(
                answer("GET", "/api/centres/persian-gulf/display", "Device nope"),
                answer("GET", "/api/centres/persian-gulf/display?device_token=nope", null),
                answer("POST", "/api/centres/persian-gulf/visits", "Device "))) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
        assertThat(answer("GET", "/api/centres/persian-gulf/display", "Device nope")
                        .body())
                .contains("https://nobat.app/problems/bad-device-token");
        // no scheme this application knows
        Answer unknown = answer("GET", "/api/centres", "Negotiate abc");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).contains("https://nobat.app/problems/unsupported-authorization");
        // a staff password that is wrong
        Answer wrong = answer("GET", "/api/centres/persian-gulf/queues", basic("demo-desk", "wrong-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.isProblem()).as(wrong.toString()).isTrue();
    }

    /** The status only: streams are left as soon as their headers arrive. */
    int call(String method, String path, String authorization) {
        return HttpClient.create()
                .headers(h -> {
                    h.set("Content-Type", "application/json");
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .request(HttpMethod.valueOf(method))
                .uri("http://localhost:" + port + path)
                .send(
                        method.equals("GET") || method.equals("DELETE")
                                ? ByteBufFlux.empty()
                                : ByteBufFlux.fromString(Mono.just("{}")))
                .response()
                .map(r -> r.status().code())
                .block(Duration.ofSeconds(30));
    }
}
