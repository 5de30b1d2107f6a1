package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A requestId is the caller's own: replaying a kiosk's requestId from a desk is a new arrival with
 * its own tracking token, and replaying a desk's call-next requestId from another staff member is a
 * new call, never the first caller's answer.
 */
@IntegrationTest
class ScopedRequestIdsIT {

    static final String C = "it-idem";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    WebTestClient as(String authorization) {
        return admin.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION, authorization))
                .build();
    }

    Map<String, Object> post(WebTestClient client, String path, Object body, int status) {
        return client.post()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void anotherCallersRequestIdIsAFreshRequest() {
        String token = (String)
                post(admin, "/api/admin/devices", Map.of("deviceId", "kiosk-idem", "kind", "KIOSK", "centreId", C), 201)
                        .get("token");
        WebTestClient kiosk = as("Device " + token);
        WebTestClient desk = admin.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("demo-desk", "demo-desk-pass"))
                .build();
        String visits = "/api/centres/" + C + "/visits";
        Map<String, Object> arrival = Map.of("serviceCode", "residence", "requestId", "kiosk-1-0001");

        Map<String, Object> first = post(kiosk, visits, arrival, 201);
        assertThat(post(kiosk, visits, arrival, 201))
                .as("the kiosk's own retry")
                .containsEntry("visitId", first.get("visitId"))
                .containsEntry("trackingToken", first.get("trackingToken"));
        Map<String, Object> replayed = post(desk, visits, arrival, 201);
        assertThat(replayed.get("trackingToken"))
                .as("the desk never gets the kiosk visitor's tracking token")
                .isNotEqualTo(first.get("trackingToken"));
        assertThat(replayed.get("visitId")).isNotEqualTo(first.get("visitId"));
        assertThat(replayed.get("ticket")).isNotEqualTo(first.get("ticket"));

        // call-next: the supervisor replaying the desk's requestId at that desk gets no copy of its call
        post(desk, "/api/centres/" + C + "/desks/d1/open", Map.of(), 200);
        String callNext = "/api/centres/" + C + "/desks/d1/call-next";
        Map<String, Object> called = post(desk, callNext, Map.of("requestId", "call-0001"), 200);
        assertThat(post(desk, callNext, Map.of("requestId", "call-0001"), 200))
                .as("the desk's own retry")
                .isEqualTo(called);
        WebTestClient supervisor = admin.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("demo-supervisor", "demo-supervisor-pass"))
                .build();
        Map<String, Object> other = post(supervisor, callNext, Map.of("requestId", "call-0001"), 409);
        assertThat(other.get("type")).asString().endsWith("/desk-busy");
        assertThat(other.toString()).doesNotContain((String) called.get("visitId"));
    }
}
