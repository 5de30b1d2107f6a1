package app.nobat.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.nobat.it.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Staffing advice on a centre's floor over HTTP: arrivals, desks and a service, then the advice
 * counts them; accounts that are not the centre's supervisors or administrators are refused.
 * The centre (it-staffing) is this test's own: residence and identity share desk s1, residence
 * also has s2, health has s3, which stays closed.
 */
@IntegrationTest
class CentreStaffingIT {

    static final String C = "it-staffing";
    static final String PASSWORD = "amber lantern ferry";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient http;

    WebTestClient admin() {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient as(String user) {
        return admin().mutate()
                .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD))
                .build();
    }

    Map<String, Object> post(String path, Object body) {
        var spec = admin().post().uri(path).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? spec : spec.bodyValue(body))
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    void arrive(String service, int times) {
        for (int i = 0; i < times; i++) {
            post("/api/centres/" + C + "/visits", Map.of("serviceCode", service));
        }
    }

    Map<String, Object> staffing(WebTestClient client, String query, HttpStatus expected) {
        return client.get()
                .uri("/api/planning/centres/" + C + "/staffing" + query)
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> now(Map<String, Object> staffing, String service) {
        Map<String, Object> s = ((List<Map<String, Object>>) staffing.get("services"))
                .stream()
                        .filter(x -> x.get("serviceCode").equals(service))
                        .findFirst()
                        .orElseThrow();
        List<Map<String, Object>> hours = (List<Map<String, Object>>) s.get("hours");
        Map<String, Object> last = hours.get(hours.size() - 1);
        assertThat(last).containsEntry("current", true);
        return last;
    }

    /**
     * The floor opened moments ago, so the last hour's rates are counted over 15 minutes: 6
     * residence arrivals are 24 an hour, 3 health ones 12. One residence service ended (in under
     * a minute, so a minute); identity has none, so the board's default of 5 minutes.
     */
    @SuppressWarnings("unchecked")
    @Test
    void arrivalsDesksAndServicesAreCountedAndTheDesksNeededGiven() {
        post("/api/centres/" + C + "/desks/s1/open", null);
        post("/api/centres/" + C + "/desks/s2/open", null);
        arrive("residence", 6);
        arrive("identity", 2);
        arrive("health", 3);
        Map<String, Object> called =
                post("/api/centres/" + C + "/desks/s2/call-next", Map.of("requestId", "staffing-1"));
        post("/api/visits/" + called.get("visitId") + "/start", null);
        post("/api/visits/" + called.get("visitId") + "/complete", null);

        Map<String, Object> staffing = staffing(admin(), "", HttpStatus.OK);
        assertThat(staffing).containsEntry("centreId", C).containsEntry("share", 0.8);
        assertThat(((List<Map<String, Object>>) staffing.get("services"))
                        .stream().map(s -> s.get("serviceCode")))
                .containsExactly("residence", "identity", "health");

        Map<String, Object> residence = now(staffing, "residence");
        assertThat(residence).containsEntry("hour", staffing.get("currentHour"));
        assertThat(residence)
                .containsEntry("arrivals", 6)
                .containsEntry("servicesEnded", 1)
                .containsEntry("serviceTimeBasis", "DAY") // one ended: too few for the hour's own
                .containsEntry("desksServingNow", 2)
                .containsEntry("desksNeeded", 1)
                .containsEntry("understaffed", false);
        assertThat((Double) residence.get("arrivalsPerHour")).isCloseTo(24, within(1e-9));
        assertThat((Double) residence.get("meanServiceMinutes")).isCloseTo(1, within(1e-9));
        assertThat((Double) residence.get("offeredLoadErlangs")).isCloseTo(0.4, within(1e-9));

        Map<String, Object> identity = now(staffing, "identity");
        assertThat(identity)
                .containsEntry("arrivals", 2)
                .containsEntry("serviceTimeBasis", "DEFAULT")
                .containsEntry("desksServingNow", 1) // s1, shared with residence
                .containsEntry("desksNeeded", 1);
        assertThat((Double) identity.get("meanServiceMinutes")).isCloseTo(5, within(1e-9));

        Map<String, Object> health = now(staffing, "health");
        assertThat(health)
                .containsEntry("arrivals", 3)
                .containsEntry("desksServingNow", 0)
                .containsEntry("desksNeeded", 2) // 1 Erlang: one desk would never catch up
                .containsEntry("understaffed", true);
        assertThat((Double) health.get("arrivalsPerHour")).isCloseTo(12, within(1e-9));

        List<Map<String, Object>> shared = (List<Map<String, Object>>) staffing.get("sharedDesks");
        Map<String, Object> current = shared.get(shared.size() - 1);
        assertThat(current).containsEntry("current", true);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) current.get("groups");
        assertThat(groups.stream().map(g -> g.get("serviceCodes")))
                .containsExactly(List.of("residence", "identity"), List.of("health"));
        assertThat(groups.get(0))
                .containsEntry("desksServingNow", 2) // s1 once, and s2
                .containsEntry("targetWaitMinutes", 20)
                .containsEntry("desksNeeded", 2) // 1.07 Erlangs pooled
                .containsEntry("desksNeededApart", 2)
                .containsEntry("understaffed", false);
        // 24 an hour at a minute and 8 an hour at 5 minutes: 0.4 + 0.667 Erlangs
        assertThat((Double) groups.get(0).get("offeredLoadErlangs")).isCloseTo(0.4 + 8.0 / 12, within(1e-9));
    }

    @Test
    void aShareOutOfRangeIsRefusedAtItsParameter() {
        assertThat(staffing(admin(), "?share=1.5", HttpStatus.BAD_REQUEST))
                .containsEntry("code", "invalid-share")
                .containsEntry("field", "/share");
    }

    @Test
    void anUnknownCentreIsNotFound() {
        assertThat(admin().get()
                        .uri("/api/planning/centres/no-such-centre/staffing")
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody())
                .containsEntry("code", "unknown-centre");
    }

    /** Desk staff may not ask (403 forbidden), nor a supervisor of another centre (403 not-your-centre). */
    @Test
    void onlyTheCentresSupervisorsAndAdministratorsMayAsk() {
        for (var account : List.of(
                Map.of("username", "staffing.desk", "role", "DESK", "centres", List.of(C)),
                Map.of("username", "staffing.super", "role", "SUPERVISOR", "centres", List.of(C)),
                Map.of("username", "staffing.elsewhere", "role", "SUPERVISOR", "centres", List.of("persian-gulf")))) {
            Map<String, Object> body = new HashMap<>(account);
            body.put("password", PASSWORD);
            admin().post()
                    .uri("/api/admin/staff")
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        assertThat(staffing(as("staffing.desk"), "", HttpStatus.FORBIDDEN)).containsEntry("code", "forbidden");
        assertThat(staffing(as("staffing.elsewhere"), "", HttpStatus.FORBIDDEN))
                .containsEntry("code", "not-your-centre");
        assertThat(staffing(as("staffing.super"), "", HttpStatus.OK)).containsEntry("centreId", C);
        assertThat(http.mutate()
                        .defaultHeaders(h -> h.remove("Authorization"))
                        .build()
                        .get()
                        .uri("/api/planning/centres/" + C + "/staffing")
                        .exchange()
                        .expectStatus()
                        .isUnauthorized()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody())
                .containsEntry("code", "unauthenticated");
    }
}
