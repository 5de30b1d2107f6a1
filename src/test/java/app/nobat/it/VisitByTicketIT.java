package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A supervisor finds a visit by the ticket the visitor holds, as typed, also after a transfer. */
@IntegrationTest
class VisitByTicketIT {

    static final String C = "it-tickets";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    Map<String, Object> post(String path, Object body) {
        return admin.post()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    WebTestClient.ResponseSpec find(String query) {
        return admin.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/centres/" + C + "/visits?" + query)
                .exchange();
    }

    Map<String, Object> found(String query) {
        return find(query).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    @Test
    void aTicketAsTypedFindsItsVisitTodayAndAfterATransfer() throws InterruptedException {
        String first = (String) post("/api/centres/" + C + "/visits", Map.of("serviceCode", "papers"))
                .get("visitId");
        String second = (String) post("/api/centres/" + C + "/visits", Map.of("serviceCode", "papers"))
                .get("visitId");

        assertThat(found("ticket=P-002").get("visitId")).isEqualTo(second);
        assertThat(found("ticket=p2").get("visitId")).isEqualTo(second);
        assertThat(found("ticket=P-۰۰۱").get("visitId")).isEqualTo(first);

        post("/api/centres/" + C + "/desks/k1/open", Map.of("serviceCodes", List.of("papers", "permits")));
        String called =
                (String) post("/api/centres/" + C + "/desks/k1/call-next", Map.of("requestId", "tickets-call-1"))
                        .get("visitId");
        assertThat(called).isEqualTo(first);
        post("/api/visits/" + first + "/start", Map.of());
        post("/api/visits/" + first + "/transfer", Map.of("toServiceCode", "permits"));
        Map<String, Object> moved = Map.of();
        for (int i = 0; i < 50 && !"Q-001".equals(moved.get("ticket")); i++) {
            Thread.sleep(100); // the read model follows the command a moment later
            moved = found("ticket=P-001");
        }
        assertThat(moved).containsEntry("visitId", first).containsEntry("ticket", "Q-001");
        assertThat(found("ticket=Q-001").get("visitId")).isEqualTo(first);

        find("ticket=P-999")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ticket-not-on-day")
                .jsonPath("$.ticket")
                .isEqualTo("P-999");
        find("ticket=P-001&day=2020-01-01").expectStatus().isNotFound();
        find("ticket=hello")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("malformed-parameter")
                .jsonPath("$.parameter")
                .isEqualTo("ticket");
        find("ticket=P-001&day=yesterday")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("day");
    }
}
