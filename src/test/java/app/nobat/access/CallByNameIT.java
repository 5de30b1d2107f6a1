package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.common.Actor;
import app.nobat.floor.domain.FloorId;
import app.nobat.it.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A ticket called by name and returned to the queue through HTTP (issue 13): the desk rules of a
 * call, refusals as problems with their codes and pointers, and the clerk named on every event.
 */
@IntegrationTest
class CallByNameIT {

    static final String C = "it-byname";

    @Autowired
    WebTestClient admin;

    @Autowired
    EventStorageEngine events;

    WebTestClient as(String user) {
        return StaffClients.as(admin, user, "amber lantern ferry");
    }

    static Map<String, Object> call(String visitId, String reason, String note) {
        Map<String, Object> body = new HashMap<>();
        if (visitId != null) {
            body.put("visitId", visitId);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    @Test
    void aTicketIsCalledByNameAtOneDeskOnlyAndReturnedByItsHolder() {
        for (String user : List.of("byname-one", "byname-two")) {
            StaffClients.post(
                    admin,
                    "/api/admin/staff",
                    Map.of("username", user, "password", "amber lantern ferry", "role", "DESK"),
                    HttpStatus.CREATED);
        }
        WebTestClient one = as("byname-one");
        WebTestClient two = as("byname-two");
        String visits = "/api/centres/" + C + "/visits";
        String first = (String) StaffClients.post(admin, visits, Map.of("serviceCode", "residence"), HttpStatus.CREATED)
                .get("visitId");
        String second = (String) StaffClients.post(admin, visits, Map.of("serviceCode", "work"), HttpStatus.CREATED)
                .get("visitId");
        String health = (String) StaffClients.post(admin, visits, Map.of("serviceCode", "health"), HttpStatus.CREATED)
                .get("visitId");
        StaffClients.post(one, "/api/centres/" + C + "/desks/b1/open", Map.of(), HttpStatus.OK);
        StaffClients.post(two, "/api/centres/" + C + "/desks/b2/open", Map.of(), HttpStatus.OK);
        String atB1 = "/api/centres/" + C + "/desks/b1/call";
        String atB2 = "/api/centres/" + C + "/desks/b2/call";

        // what a call by name needs, each refused with its code and the member it points at
        Map<String, Object> noVisit =
                StaffClients.post(one, atB1, call(null, "APPOINTMENT", null), HttpStatus.BAD_REQUEST);
        assertThat(noVisit).containsEntry("code", "required").containsEntry("field", "/visitId");
        Map<String, Object> noReason = StaffClients.post(one, atB1, call(first, null, null), HttpStatus.BAD_REQUEST);
        assertThat(noReason).containsEntry("code", "required").containsEntry("field", "/reason");
        assertThat(StaffClients.post(one, atB1, call(first, "BECAUSE", null), HttpStatus.BAD_REQUEST))
                .containsEntry("type", "https://nobat.app/problems/invalid-input");
        assertThat(StaffClients.post(one, atB1, call(first, "OTHER", "x".repeat(121)), HttpStatus.BAD_REQUEST))
                .containsEntry("code", "note-too-long")
                .containsEntry("field", "/note")
                .containsEntry("max", 120);
        assertThat(StaffClients.post(one, atB1, call(first, "OTHER", "tel 0912 123 4567"), HttpStatus.BAD_REQUEST))
                .containsEntry("code", "note-has-number")
                .containsEntry("field", "/note");
        assertThat(StaffClients.post(one, atB1, call(health, "APPOINTMENT", null), HttpStatus.CONFLICT))
                .containsEntry("type", "https://nobat.app/problems/service-not-at-desk");
        String elsewhere = FloorId.ofVisit(first).toString().replace(C, "it-desks") + ":abc";
        assertThat(StaffClients.post(one, atB1, call(elsewhere, "APPOINTMENT", null), HttpStatus.NOT_FOUND))
                .containsEntry("type", "https://nobat.app/problems/unknown-visit");
        assertThat(StaffClients.post(two, atB1, call(first, "APPOINTMENT", null), HttpStatus.FORBIDDEN))
                .containsEntry("type", "https://nobat.app/problems/not-your-desk");

        // b2 calls the first by name; b1 may not have it too, and its call-next takes the next one
        Map<String, Object> called =
                StaffClients.post(two, atB2, call(first, "RETURNED_AFTER_STEPPING_OUT", null), HttpStatus.OK);
        assertThat(called).containsEntry("visitId", first).containsEntry("deskId", "b2");
        assertThat(StaffClients.post(two, atB2, call(first, "RETURNED_AFTER_STEPPING_OUT", null), HttpStatus.OK))
                .as("a double click answers again")
                .isEqualTo(called);
        Map<String, Object> taken = StaffClients.post(one, atB1, call(first, "APPOINTMENT", null), HttpStatus.CONFLICT);
        assertThat(taken)
                .containsEntry("type", "https://nobat.app/problems/visit-at-another-desk")
                .containsEntry("desk", "b2")
                .containsEntry("state", "called");
        assertThat(StaffClients.post(
                                one,
                                "/api/centres/" + C + "/desks/b1/call-next",
                                Map.of("requestId", "byname-1"),
                                HttpStatus.OK)
                        .get("visitId"))
                .isEqualTo(second);

        // only the holder of the desk returns it; back in the queue, any desk serving it may call it
        assertThat(StaffClients.post(
                        one,
                        "/api/visits/" + first + "/return",
                        Map.of("reason", "VISITOR_NOT_HERE"),
                        HttpStatus.FORBIDDEN))
                .containsEntry("type", "https://nobat.app/problems/not-your-desk");
        assertThat(StaffClients.post(two, "/api/visits/" + first + "/return", Map.of(), HttpStatus.BAD_REQUEST))
                .containsEntry("field", "/reason");
        assertThat(StaffClients.post(
                        two,
                        "/api/visits/" + first + "/return",
                        Map.of("reason", "VISITOR_NOT_HERE", "note", "  gone for a photo "),
                        HttpStatus.OK))
                .containsEntry("action", "return");
        assertThat(StaffClients.post(
                        two,
                        "/api/visits/" + first + "/return",
                        Map.of("reason", "VISITOR_NOT_HERE"),
                        HttpStatus.CONFLICT))
                .containsEntry("type", "https://nobat.app/problems/visit-not-called");
        StaffClients.post(one, "/api/visits/" + second + "/start", Map.of(), HttpStatus.OK);
        StaffClients.post(one, "/api/visits/" + second + "/complete", Map.of(), HttpStatus.OK);
        assertThat(StaffClients.post(one, atB1, call(first, "RETURNED_AFTER_STEPPING_OUT", "back"), HttpStatus.OK))
                .containsEntry("deskId", "b1");

        // every event names its clerk; the timeline keeps the reasons and the note as stored
        List<String> causes = new ArrayList<>();
        for (var message : events.readEvents(FloorId.ofVisit(first).toString(), 0)
                .asStream()
                .toList()) {
            String type = message.getPayloadType().getSimpleName();
            if (type.equals("TicketCalledOutOfTurn") || type.equals("VisitReturnedToQueue")) {
                causes.add(type + " by " + message.getMetaData().get(Actor.ID_KEY));
            }
        }
        assertThat(causes)
                .containsExactly(
                        "TicketCalledOutOfTurn by byname-two",
                        "VisitReturnedToQueue by byname-two",
                        "TicketCalledOutOfTurn by byname-one");
        Map<String, Object> visit = admin.get()
                .uri("/api/visits/" + first)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StaffClients.JSON)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) visit.get("timeline");
        assertThat(timeline)
                .extracting(t -> t.get("event") + " " + t.get("reason") + " " + t.get("detail") + " " + t.get("by"))
                .containsExactly(
                        "ARRIVED WALK_IN null demo-admin",
                        "CALLED_OUT_OF_TURN RETURNED_AFTER_STEPPING_OUT null byname-two",
                        "RETURNED_TO_QUEUE VISITOR_NOT_HERE gone for a photo byname-two",
                        "CALLED_OUT_OF_TURN RETURNED_AFTER_STEPPING_OUT back byname-one");
    }
}
