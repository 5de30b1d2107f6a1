package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Staff accounts limited to centres act only there, through HTTP: refused with 403
 * {@code not-your-centre} at any other centre (desks, visits, queues, display, arrivals,
 * close-day, appointments, a centre's definition, account administration), let through at
 * their own. Calls at the own centre use ids or bodies that change nothing.
 */
@IntegrationTest
class CentreLimitedStaffIT {

    static final String OWN = "persian-gulf";
    static final String OTHER = "it-journey";
    static final String PASSWORD = "amber lantern ferry";

    @Autowired
    WebTestClient admin;

    WebTestClient as(String user) {
        return admin.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD))
                .build();
    }

    EntityExchangeResult<String> call(WebTestClient client, HttpMethod method, String path) {
        var spec = client.method(method).uri(path);
        return (method == HttpMethod.GET
                        ? spec
                        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()))
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    void refused(WebTestClient client, HttpMethod method, String path) {
        refused(client, method, path, "not-your-centre");
    }

    void refused(WebTestClient client, HttpMethod method, String path, String code) {
        var result = call(client, method, path);
        assertThat(result.getStatus().value()).as(method + " " + path).isEqualTo(403);
        assertThat(result.getResponseBody())
                .as(method + " " + path)
                .contains("\"type\":\"https://nobat.app/problems/" + code + "\"");
    }

    void allowed(WebTestClient client, HttpMethod method, String path) {
        int status = call(client, method, path).getStatus().value();
        assertThat(status).as(method + " " + path).isNotIn(401, 403).isLessThan(500);
    }

    void create(String user, String role, List<String> centres) {
        admin.post()
                .uri("/api/admin/staff")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", PASSWORD, "role", role, "centres", centres))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.centres[0]")
                .isEqualTo(OWN)
                .jsonPath("$.centres.length()")
                .isEqualTo(1);
    }

    @Test
    void aClerkOfOneCentreIsRefusedAtAnotherAndLetThroughAtItsOwn() {
        create("desk.limited", "DESK", List.of(OWN));
        create("supervisor.limited", "SUPERVISOR", List.of(OWN));
        WebTestClient desk = as("desk.limited");
        WebTestClient supervisor = as("supervisor.limited");

        for (String path : List.of(
                "/api/centres/" + OTHER + "/queues",
                "/api/centres/" + OTHER + "/display",
                "/api/visits/" + OTHER + ":2026-11-29:nobody")) {
            refused(desk, HttpMethod.GET, path);
        }
        for (String path : List.of(
                "/api/centres/" + OTHER + "/desks/desk-1/open",
                "/api/centres/" + OTHER + "/desks/desk-1/call-next",
                "/api/centres/" + OTHER + "/visits",
                "/api/visits/" + OTHER + ":2026-11-29:nobody/complete")) {
            refused(desk, HttpMethod.POST, path);
        }
        refused(supervisor, HttpMethod.POST, "/api/centres/" + OTHER + "/close-day");
        refused(supervisor, HttpMethod.GET, "/api/centres/" + OTHER + "/appointments?date=2026-12-05");

        allowed(desk, HttpMethod.GET, "/api/centres/" + OWN + "/queues");
        allowed(desk, HttpMethod.GET, "/api/centres/" + OWN + "/display");
        allowed(desk, HttpMethod.GET, "/api/visits/" + OWN + ":2026-11-29:nobody");
        allowed(desk, HttpMethod.POST, "/api/visits/" + OWN + ":2026-11-29:nobody/complete");
        allowed(desk, HttpMethod.POST, "/api/centres/" + OWN + "/visits");
        allowed(supervisor, HttpMethod.GET, "/api/centres/" + OWN + "/appointments?date=2026-12-05");
        // what every visitor may read stays open
        allowed(desk, HttpMethod.GET, "/api/centres/" + OTHER);
        allowed(desk, HttpMethod.GET, "/api/centres/" + OTHER + "/holidays");
        allowed(desk, HttpMethod.GET, "/api/me");
    }

    @Test
    void anAdministratorOfOneCentreChangesOnlyThatOneAndNoAccounts() {
        create("admin.limited", "ADMIN", List.of(OWN));
        WebTestClient limitedAdmin = as("admin.limited");
        refused(limitedAdmin, HttpMethod.PUT, "/api/centres/" + OTHER);
        refused(limitedAdmin, HttpMethod.PUT, "/api/centres/" + OTHER + "/holidays/2031-01-01");
        refused(limitedAdmin, HttpMethod.DELETE, "/api/centres/" + OTHER + "/holidays/2031-01-01");
        refused(limitedAdmin, HttpMethod.GET, "/api/admin/staff", "all-centres-only");
        refused(limitedAdmin, HttpMethod.POST, "/api/admin/devices", "all-centres-only");
        allowed(limitedAdmin, HttpMethod.PUT, "/api/centres/" + OWN); // an empty profile: 400, nothing changes
    }

    @Test
    void theAdminApiListsAndChangesAnAccountsCentres() {
        create("desk.moving", "DESK", List.of(OWN));
        admin.get()
                .uri("/api/admin/staff")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.username == 'desk.moving')].centres[0]")
                .isEqualTo(OWN)
                .jsonPath("$[?(@.username == 'demo-desk')].centres.length()")
                .isEqualTo(0);
        admin.put()
                .uri("/api/admin/staff/desk.moving")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("centres", List.of("no-such-centre")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("centres"));
        refused(as("desk.moving"), HttpMethod.GET, "/api/centres/" + OTHER + "/queues");

        admin.put()
                .uri("/api/admin/staff/desk.moving")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("centres", List.of(OWN, OTHER)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.centres.length()")
                .isEqualTo(2);
        allowed(as("desk.moving"), HttpMethod.GET, "/api/centres/" + OTHER + "/queues");
        admin.put()
                .uri("/api/admin/staff/desk.moving")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("centres", List.of(), "role", "SUPERVISOR"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.centres.length()")
                .isEqualTo(0);
        allowed(as("desk.moving"), HttpMethod.GET, "/api/centres/it-desks/appointments?date=2026-12-05");
    }
}
