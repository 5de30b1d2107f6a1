package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.common.Actor;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.DeskOpened;
import app.nobat.floor.domain.FloorId;
import app.nobat.it.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Desk staff act only at a desk they opened, through HTTP; and every event a request causes names
 * who made it, in the stored events' metadata and on the visit's timeline.
 */
@IntegrationTest
class DeskHolderIT {

    static final String C = "it-desks";

    @Autowired
    WebTestClient admin;

    @Autowired
    EventStorageEngine events;

    @Test
    void deskStaffWorkOnlyTheirOwnDeskAndEveryEventNamesItsActor() {
        StaffClients.post(
                admin,
                "/api/admin/staff",
                Map.of("username", "desk-two", "password", "amber lantern ferry", "role", "DESK"),
                HttpStatus.CREATED);
        String kioskToken = (String) StaffClients.post(
                        admin,
                        "/api/admin/devices",
                        Map.of("deviceId", "kiosk-desks", "kind", "KIOSK", "centreId", C),
                        HttpStatus.CREATED)
                .get("token");
        WebTestClient kiosk = admin.mutate()
                .defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION, "Device " + kioskToken))
                .build();
        WebTestClient deskOne = StaffClients.as(admin, "demo-desk", "demo-desk-pass");
        WebTestClient deskTwo = StaffClients.as(admin, "desk-two", "amber lantern ferry");
        WebTestClient supervisor = StaffClients.as(admin, "demo-supervisor", "demo-supervisor-pass");

        String visitId = (String) StaffClients.post(
                        kiosk, "/api/centres/" + C + "/visits", Map.of("serviceCode", "residence"), HttpStatus.CREATED)
                .get("visitId");

        // each opens one desk; a desk is held by its opener
        StaffClients.post(deskOne, "/api/centres/" + C + "/desks/d1/open", Map.of(), HttpStatus.OK);
        assertThat(StaffClients.post(deskTwo, "/api/centres/" + C + "/desks/d1/open", Map.of(), HttpStatus.CONFLICT)
                        .get("type"))
                .asString()
                .endsWith("/desk-open");
        StaffClients.post(deskTwo, "/api/centres/" + C + "/desks/d2/open", Map.of(), HttpStatus.OK);
        assertThat(StaffClients.post(deskOne, "/api/centres/" + C + "/desks/d3/open", Map.of(), HttpStatus.CONFLICT)
                        .get("detail"))
                .isEqualTo("You already hold desk d1; close it before opening desk d3");

        // another desk's staff can neither call at d1 nor act on the ticket called there
        Map<String, Object> refused = StaffClients.post(
                deskTwo,
                "/api/centres/" + C + "/desks/d1/call-next",
                Map.of("requestId", "two-1"),
                HttpStatus.FORBIDDEN);
        assertThat(refused.get("type")).asString().endsWith("/not-your-desk");
        assertThat(refused.get("detail")).asString().doesNotContain("demo-desk");
        assertThat(StaffClients.post(
                                deskOne,
                                "/api/centres/" + C + "/desks/d1/call-next",
                                Map.of("requestId", "one-1"),
                                HttpStatus.OK)
                        .get("visitId"))
                .isEqualTo(visitId);
        for (String action : List.of("start", "recall", "no-show", "cancel")) {
            StaffClients.post(deskTwo, "/api/visits/" + visitId + "/" + action, Map.of(), HttpStatus.FORBIDDEN);
        }
        StaffClients.post(deskTwo, "/api/centres/" + C + "/desks/d1/pause", Map.of(), HttpStatus.FORBIDDEN);
        StaffClients.post(deskOne, "/api/visits/" + visitId + "/start", Map.of(), HttpStatus.OK);
        // a supervisor may act at any desk
        StaffClients.post(supervisor, "/api/visits/" + visitId + "/complete", Map.of(), HttpStatus.OK);

        // who caused each event, as stored
        List<String> causes = new ArrayList<>();
        String floorId = FloorId.ofVisit(visitId).toString();
        for (var message : events.readEvents(floorId, 0).asStream().toList()) {
            DomainEventMessage<?> event = message;
            var meta = event.getMetaData();
            causes.add(event.getPayloadType().getSimpleName() + " by " + meta.get(Actor.ID_KEY) + " as "
                    + meta.get(Actor.ROLE_KEY));
            if (event.getPayload() instanceof DeskOpened opened) {
                assertThat(opened.staffId()).isEqualTo(meta.get(Actor.ID_KEY));
            }
            assertThat(event.getPayload()).isInstanceOf(FloorEvent.class);
        }
        assertThat(causes)
                .containsExactly(
                        "FloorStarted by device:kiosk-desks as KIOSK",
                        "VisitArrived by device:kiosk-desks as KIOSK",
                        "DeskOpened by demo-desk as DESK",
                        "DeskOpened by desk-two as DESK",
                        "TicketCalled by demo-desk as DESK",
                        "ServiceStarted by demo-desk as DESK",
                        "VisitCompleted by demo-supervisor as SUPERVISOR");

        // and on the visit's timeline, for supervisors
        Map<String, Object> visit = admin.get()
                .uri("/api/visits/" + visitId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StaffClients.JSON)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) visit.get("timeline");
        assertThat(timeline)
                .extracting(t -> t.get("event") + " " + t.get("by"))
                .containsExactly(
                        "ARRIVED device:kiosk-desks",
                        "CALLED demo-desk",
                        "STARTED demo-desk",
                        "COMPLETED demo-supervisor");

        // the queues show who holds each desk (staff only)
        Map<String, Object> queues = deskOne.get()
                .uri("/api/centres/" + C + "/queues")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StaffClients.JSON)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> desks = (List<Map<String, Object>>) queues.get("desks");
        assertThat(desks)
                .extracting(d -> d.get("deskId") + " " + d.get("staffId"))
                .contains("d1 demo-desk", "d2 desk-two");
    }

    @Test
    void calendarChangesNameTheAdministrator() {
        admin.put()
                .uri("/api/centres/it-desks/holidays/2031-03-02")
                .bodyValue(Map.of("names", Map.of("fa", "تعطیل", "fa-AF", "رخصتی", "ps", "رخصتي", "en", "Closed")))
                .exchange()
                .expectStatus()
                .isOk();
        var stored = events.readEvents("calendar:it-desks", 0).asStream().toList();
        assertThat(stored).isNotEmpty();
        var last = stored.get(stored.size() - 1);
        assertThat(last.getPayloadType().getSimpleName()).isEqualTo("HolidayDeclared");
        assertThat(last.getMetaData().get(Actor.ID_KEY)).isEqualTo("demo-admin");
        assertThat(last.getMetaData().get(Actor.ROLE_KEY)).isEqualTo("ADMIN");
        assertThat(last.getPayload().toString()).contains("by=demo-admin");
    }
}
