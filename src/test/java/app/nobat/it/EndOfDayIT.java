package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Closing the day under the carry-over rule: waiting visits move to the next day, keeping token and arrival. */
@IntegrationTest
class EndOfDayIT {

    static final String C = "it-carry";

    @Autowired
    WebTestClient http;

    @Test
    void waitingVisitsAreCarriedOverToTheNextOpeningDay() {
        Api api = new Api(http);
        Map<String, Object> waiting = api.arrive(C, "residence", "ELDERLY");
        Map<String, Object> served = api.arrive(C, "residence", null);
        api.post("/api/centres/" + C + "/desks/d1/open", null, 200);
        Map<String, Object> call = api.callNext(C, "d1");
        String servedId = (String) call.get("visitId");
        String waitingId = servedId.equals(served.get("visitId"))
                ? (String) waiting.get("visitId")
                : (String) served.get("visitId");
        String waitingToken = servedId.equals(served.get("visitId"))
                ? (String) waiting.get("trackingToken")
                : (String) served.get("trackingToken");
        api.post("/api/visits/" + servedId + "/start", null, 200);

        api.post("/api/centres/" + C + "/close-day", null, 200);
        assertThat(api.post("/api/centres/" + C + "/visits", Map.of("serviceCode", "residence"), 409)
                        .get("type"))
                .isEqualTo("https://nobat.app/problems/floor-closed");
        api.post("/api/centres/" + C + "/close-day", null, 409);

        Map<String, Object> closedVisit =
                Api.eventually(() -> api.get("/api/visits/" + servedId, 200), v -> "CLOSED".equals(v.get("status")));
        assertThat(closedVisit.toString()).contains("reason=UNFINISHED_AT_CLOSING");
        Map<String, Object> carried = Api.eventually(
                () -> api.get("/api/visits/" + waitingId, 200), v -> "CARRIED_OVER".equals(v.get("status")));
        assertThat(carried).isNotNull();

        // the token now follows the visit on the next day's floor, first in its queue
        Map<String, Object> tomorrow = Api.eventually(
                () -> api.get("/api/track/" + waitingToken, 200), v -> "WAITING".equals(v.get("status")));
        assertThat(tomorrow).containsEntry("ticket", "R-001").containsEntry("position", 1);
    }
}
