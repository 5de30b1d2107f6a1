package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** "I am leaving": the holder of a tracking link cancels that ticket, and only while it waits or is called. */
@IntegrationTest
class VisitorLeavesIT {

    static final String C = "it-leave";

    @Autowired
    WebTestClient http;

    Api staff;
    Api visitor;

    @BeforeEach
    void setUp() {
        staff = new Api(http);
        // the phone sends no credential: the token is its only proof
        visitor = new Api(http.mutate()
                .defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION))
                .build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWaitingVisitorLeavesByTheirTokenAndARetriedTapAnswersTheSame() {
        Map<String, Object> ticket = staff.arrive(C, "work", null);
        String token = (String) ticket.get("trackingToken");
        String visitId = (String) ticket.get("visitId");
        Api.eventually(() -> visitor.readWhenThere("/api/track/" + token), v -> "WAITING".equals(v.get("status")));

        Map<String, Object> left = visitor.post("/api/track/" + token + "/leave", null, 200);
        assertThat(left).containsEntry("status", "CANCELLED").containsEntry("ticket", ticket.get("ticket"));
        assertThat(left).doesNotContainKeys("visitId", "trackingToken");
        Map<String, Object> again = visitor.post("/api/track/" + token + "/leave", null, 200);
        assertThat(again).containsEntry("status", "CANCELLED");

        Map<String, Object> visit = Api.eventually(
                () -> staff.get("/api/visits/" + visitId, 200), v -> "CANCELLED".equals(v.get("status")));
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) visit.get("timeline");
        assertThat(timeline).extracting(e -> e.get("event")).containsExactly("ARRIVED", "CANCELLED");
        // recorded as the visitor's own act, by no name
        assertThat(timeline.get(1)).containsEntry("by", "visitor").containsEntry("reason", "LEFT_BY_PHONE");
    }

    @Test
    void aVisitInServiceCannotBeLeftAndAnUnknownTokenIsNotFound() {
        Map<String, Object> ticket = staff.arrive(C, "health", null);
        String token = (String) ticket.get("trackingToken");
        staff.post("/api/centres/" + C + "/desks/d2/open", null, 200);
        String called;
        do {
            called = (String) staff.callNext(C, "d2").get("visitId");
            staff.post("/api/visits/" + called + "/start", null, 200);
            if (!called.equals(ticket.get("visitId"))) {
                staff.post("/api/visits/" + called + "/complete", null, 200);
            }
        } while (!called.equals(ticket.get("visitId")));

        Map<String, Object> refused = visitor.post("/api/track/" + token + "/leave", null, 409);
        assertThat(refused.get("type")).isEqualTo("https://nobat.app/problems/visit-not-cancellable");
        visitor.post("/api/track/AAAAAAAAAAAAAAAAAAAAAA/leave", null, 404);
        visitor.post("/api/track/x/leave", null, 404);
        staff.post("/api/visits/" + called + "/complete", null, 200);
        staff.post("/api/centres/" + C + "/desks/d2/close", null, 200);
    }
}
