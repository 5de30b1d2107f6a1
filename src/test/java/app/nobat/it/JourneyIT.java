package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole journey of visits through HTTP against the embedded store. */
@IntegrationTest
class JourneyIT {

    static final String C = "it-journey";

    @Autowired
    WebTestClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void arrivalCallServiceTransferAndCompletion() {
        Map<String, Object> centre = api.get("/api/centres/" + C, 200);
        assertThat((List<Map<String, Object>>) centre.get("services"))
                .extracting(s -> s.get("code"))
                .containsExactly("residence", "health", "work");
        assertThat(api.http
                        .get()
                        .uri("/api/centres")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("persian-gulf", C);

        Map<String, Object> first = api.arrive(C, "residence", null);
        Map<String, Object> second = api.arrive(C, "residence", "ELDERLY");
        assertThat(first.get("ticket")).isEqualTo("R-001");
        assertThat(second.get("ticket")).isEqualTo("R-002");
        assertThat(first.get("position")).isEqualTo(1);
        assertThat(second.get("position")).isEqualTo(2);
        // no desk is open yet: no wait is promised
        assertThat(second.get("estimatedWait"))
                .isEqualTo(Map.of("known", false, "minutes", 0, "lowMinutes", 0, "highMinutes", 0, "range", false));
        assertThat((String) first.get("trackingToken")).hasSizeGreaterThanOrEqualTo(20);

        api.post("/api/centres/" + C + "/desks/d1/open", Map.of("serviceCodes", List.of("residence")), 200);
        Map<String, Object> call =
                api.post("/api/centres/" + C + "/desks/d1/call-next", Map.of("requestId", "journey-call-1"), 200);
        Map<String, Object> repeat =
                api.post("/api/centres/" + C + "/desks/d1/call-next", Map.of("requestId", "journey-call-1"), 200);
        assertThat(repeat).isEqualTo(call);
        String visitId = (String) call.get("visitId");
        assertThat(call.get("ticket")).isIn("R-001", "R-002");
        assertThat((Map<String, Object>) call.get("reason")).containsKeys("priorityClass", "waitedMinutes", "score");

        Map<String, Object> busy =
                api.post("/api/centres/" + C + "/desks/d1/call-next", Map.of("requestId", "journey-call-2"), 409);
        assertThat(busy.get("type")).isEqualTo("https://nobat.app/problems/desk-busy");
        assertThat((String) busy.get("detail")).contains("already has ticket");

        // with a desk serving residence a wait is promised: the busy desk's visit, the one waiting, then this
        Map<String, Object> later = api.arrive(C, "residence", null);
        Map<String, Object> promised = (Map<String, Object>) later.get("estimatedWait");
        assertThat(promised.get("known")).isEqualTo(true);
        assertThat((Integer) promised.get("minutes")).isPositive();
        assertThat((Integer) promised.get("lowMinutes")).isLessThanOrEqualTo((Integer) promised.get("minutes"));
        api.post("/api/visits/" + later.get("visitId") + "/cancel", Map.of("reason", "left"), 200);

        api.post("/api/visits/" + visitId + "/recall", null, 200);
        api.post("/api/visits/" + visitId + "/start", null, 200);
        api.post("/api/visits/" + visitId + "/transfer", Map.of("toServiceCode", "health"), 200);
        api.post("/api/centres/" + C + "/desks/d2/open", null, 200);
        Map<String, Object> healthCall = api.callNext(C, "d2");
        assertThat(healthCall.get("visitId")).isEqualTo(visitId);
        assertThat(healthCall.get("ticket")).isEqualTo("H-001");
        api.post("/api/visits/" + visitId + "/start", null, 200);
        api.post("/api/visits/" + visitId + "/complete", null, 200);

        Map<String, Object> visit =
                Api.eventually(() -> api.get("/api/visits/" + visitId, 200), v -> "COMPLETED".equals(v.get("status")));
        assertThat((List<Map<String, Object>>) visit.get("timeline"))
                .extracting(e -> e.get("event"))
                .containsExactly(
                        "ARRIVED", "CALLED", "RECALLED", "STARTED", "TRANSFERRED", "CALLED", "STARTED", "COMPLETED");
        assertThat(visit).doesNotContainKey("trackingToken");

        // the other visitor: called next at d1, a no-show
        Map<String, Object> other = api.callNext(C, "d1");
        assertThat(other.get("visitId")).isNotEqualTo(visitId);
        assertThat(api.post("/api/visits/" + other.get("visitId") + "/no-show", null, 409)
                        .get("type"))
                .isEqualTo("https://nobat.app/problems/recalls-remaining");
        api.post("/api/visits/" + other.get("visitId") + "/recall", null, 200);
        api.post("/api/visits/" + other.get("visitId") + "/recall", null, 200);
        api.post("/api/visits/" + other.get("visitId") + "/recall", null, 409);
        api.post("/api/visits/" + other.get("visitId") + "/no-show", null, 200);
        api.post("/api/visits/" + other.get("visitId") + "/start", null, 409);

        // a third visitor leaves while waiting
        Map<String, Object> third = api.arrive(C, "work", null);
        api.post("/api/visits/" + third.get("visitId") + "/cancel", Map.of("reason", "left"), 200);
        Map<String, Object> cancelled = Api.eventually(
                () -> api.get("/api/visits/" + third.get("visitId"), 200), v -> "CANCELLED".equals(v.get("status")));
        assertThat(cancelled.get("ticket")).isEqualTo("W-001");

        api.post("/api/centres/" + C + "/desks/d1/pause", null, 200);
        assertThat(api.post("/api/centres/" + C + "/desks/d1/call-next", Map.of("requestId", "p1"), 409)
                        .get("detail"))
                .isEqualTo("Desk d1 is paused; resume it first");
        api.post("/api/centres/" + C + "/desks/d1/resume", null, 200);
        api.post("/api/centres/" + C + "/desks/d1/close", null, 200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVisitorFollowsTheirTicketByToken() {
        Map<String, Object> ticket = api.arrive(C, "work", null);
        String token = (String) ticket.get("trackingToken");
        Map<String, Object> waiting = Api.eventually(
                () -> api.http
                        .get()
                        .uri("/api/track/" + token)
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody(),
                v -> "WAITING".equals(v.get("status")));
        assertThat(waiting).containsEntry("ticket", ticket.get("ticket")).containsEntry("serviceCode", "work");
        assertThat((Integer) waiting.get("position")).isPositive();
        assertThat(waiting).doesNotContainKeys("visitId", "trackingToken");

        api.post("/api/centres/" + C + "/desks/d3/open", null, 200);
        String called;
        do {
            Map<String, Object> call = api.callNext(C, "d3");
            called = (String) call.get("visitId");
            if (!called.equals(ticket.get("visitId"))) {
                api.post("/api/visits/" + called + "/start", null, 200);
                api.post("/api/visits/" + called + "/complete", null, 200);
            }
        } while (!called.equals(ticket.get("visitId")));
        Map<String, Object> go =
                Api.eventually(() -> api.get("/api/track/" + token, 200), v -> "CALLED".equals(v.get("status")));
        assertThat(go).containsEntry("deskId", "d3");
        api.get("/api/track/AAAAAAAAAAAAAAAAAAAAAA", 404);
        api.get("/api/track/x", 404);
    }

    @Test
    void queuesShowWaitingTicketsInPolicyOrder() {
        api.arrive(C, "residence", null);
        api.arrive(C, "residence", "MEDICAL_REFERRAL");
        Map<String, Object> queues = Api.eventually(
                () -> api.get("/api/centres/" + C + "/queues", 200),
                q -> q.toString().contains("MEDICAL_REFERRAL"));
        assertThat(queues).containsKeys("services", "desks");
        assertThat(api.get("/api/centres/" + C + "/display", 200)).containsKeys("recentCalls", "services", "desks");
    }

    @Test
    void errorsAreProblemDetails() {
        Map<String, Object> unknownCentre = api.post("/api/centres/nowhere/visits", Map.of("serviceCode", "x"), 404);
        assertThat(unknownCentre).containsEntry("title", "Unknown centre").containsKey("detail");
        assertThat(api.post("/api/centres/" + C + "/visits", Map.of("serviceCode", "nope"), 404))
                .containsEntry("detail", "Unknown service 'nope'");
        assertThat(api.post("/api/centres/" + C + "/visits", Map.of("serviceCode", "work", "priorityClass", "VIP"), 400)
                        .get("detail")
                        .toString())
                .startsWith("'priorityClass' must be one of [NONE, ELDERLY");
        assertThat(api.post("/api/centres/" + C + "/visits", Map.of(), 400))
                .containsEntry("detail", "serviceCode (walk-in) or appointmentCode (check-in) is required");
        String notJson = api.http
                .post()
                .uri("/api/centres/" + C + "/visits")
                .header("Content-Type", "application/json")
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(notJson).contains("not valid JSON").doesNotContain("Exception");
        assertThat(api.post("/api/centres/" + C + "/desks/d99/open", null, 404)).containsEntry("title", "Unknown desk");
        assertThat(api.post("/api/centres/" + C + "/desks/d2/call-next", Map.of(), 400)
                        .get("detail")
                        .toString())
                .contains("requestId");
        api.post("/api/visits/garbage/start", null, 400);
        api.post("/api/visits/" + C + ":2020-01-01:nothing/start", null, 404);
        api.get("/api/visits/" + C + ":2020-01-01:nothing", 404);
        api.get("/api/centres/nowhere", 404);
    }

    @Test
    void aKioskRetryGetsItsTicketButAReusedRequestIdForAnotherVisitorIsRefused() {
        Map<String, Object> first = api.post(
                "/api/centres/" + C + "/visits", Map.of("serviceCode", "work", "requestId", "kiosk-7-000001"), 201);
        Map<String, Object> retry = api.post(
                "/api/centres/" + C + "/visits", Map.of("serviceCode", "work", "requestId", "kiosk-7-000001"), 201);
        assertThat(retry.get("visitId")).isEqualTo(first.get("visitId"));
        Map<String, Object> other = api.post(
                "/api/centres/" + C + "/visits", Map.of("serviceCode", "health", "requestId", "kiosk-7-000001"), 409);
        assertThat(other.toString()).doesNotContain((String) first.get("trackingToken"));
    }

    @Test
    void openApiDocumentsTheApi() {
        String doc = api.http
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(doc).contains("/api/centres/{centreId}/desks/{deskId}/call-next", "/api/track/{token}/stream");
        // every refusal is a Problem whose code is one of the catalogs' codes
        assertThat(doc)
                .contains(
                        "\"Problem\"",
                        "\"application/problem+json\"",
                        "\"desk-open\"",
                        "\"slot-full\"",
                        "\"too-many-requests\"",
                        "#/components/schemas/Problem");
    }
}
