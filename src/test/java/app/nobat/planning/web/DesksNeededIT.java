package app.nobat.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.nobat.it.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A planner asks for desks needed over HTTP, and a question out of range is refused by its code. */
@IntegrationTest
class DesksNeededIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    WebTestClient.ResponseSpec ask(String query) {
        return admin.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/planning/desks-needed?" + query)
                .exchange();
    }

    /** 12 Erlangs, 80 % within 5 minutes: 15 desks (14 serve only 0.7907 within 5 minutes). */
    @Test
    void sixtyAnHourAtTwelveMinutesNeedFifteenDesks() {
        Map<String, Object> answer = ask("arrivalsPerHour=60&meanServiceMinutes=12&targetWaitMinutes=5&share=0.8")
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(answer).containsEntry("desksNeeded", 15);
        assertThat((Double) answer.get("offeredLoadErlangs")).isCloseTo(12, within(1e-9));
        assertThat((Double) answer.get("probabilityOfWaiting")).isCloseTo(0.3192, within(1e-4));
        assertThat((Double) answer.get("meanWaitMinutes")).isCloseTo(1.2768, within(1e-4));
        assertThat((Double) answer.get("shareWithinTarget")).isCloseTo(0.9086, within(1e-4));
    }

    @Test
    void aServiceTimeOfZeroIsRefusedAtItsParameter() {
        Map<String, Object> problem = ask("arrivalsPerHour=60&meanServiceMinutes=0&targetWaitMinutes=5&share=0.8")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(problem)
                .containsEntry("code", "invalid-service-time")
                .containsEntry("field", "/meanServiceMinutes")
                .containsEntry("max", 480);
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyMissingParameterIsNamed() {
        Map<String, Object> problem = ask("arrivalsPerHour=60&share=0.8")
                .expectStatus()
                .isBadRequest()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("code", "required");
        assertThat(((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> e.get("pointer")))
                .containsExactly("/meanServiceMinutes", "/targetWaitMinutes");
    }

    @Test
    void deskStaffMayNotAsk() {
        admin.mutate()
                .defaultHeaders(h -> h.setBasicAuth("demo-desk", "demo-desk-pass"))
                .build()
                .get()
                .uri(
                        "/api/planning/desks-needed?arrivalsPerHour=60&meanServiceMinutes=12&targetWaitMinutes=5&share=0.8")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
