package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** The display stream: a snapshot first, every call in order, heartbeats, and resumption without loss. */
@IntegrationTest
class DisplayStreamIT {

    static final String C = "it-stream";
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    WebClient client() {
        return WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(AsAdministrator.USER, AsAdministrator.PASSWORD))
                .build();
    }

    Disposable follow(String lastEventId, List<ServerSentEvent<Map<String, Object>>> into) {
        return client().get()
                .uri("/api/centres/" + C + "/display/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve()
                .bodyToFlux(SSE)
                .subscribe(into::add);
    }

    /** Arrives, then calls and completes, at one desk: returns the tickets called in order. */
    List<String> callTickets(Api api, int count) {
        List<String> called = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            api.arrive(C, "residence", null);
        }
        for (int i = 0; i < count; i++) {
            Map<String, Object> call = api.callNext(C, "d1");
            called.add((String) call.get("ticket"));
            api.post("/api/visits/" + call.get("visitId") + "/start", null, 200);
            api.post("/api/visits/" + call.get("visitId") + "/complete", null, 200);
        }
        return called;
    }

    @SuppressWarnings("unchecked")
    static List<String> callsIn(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream()
                .filter(e -> "call".equals(e.event()))
                .map(e -> (String) ((Map<String, Object>) e.data().get("change")).get("ticket"))
                .toList();
    }

    @Test
    void theStreamStartsWithASnapshotAndCarriesEveryCallInOrderAndResumesWithoutLoss() {
        Api api = new Api(http);
        api.post("/api/centres/" + C + "/desks/d1/open", null, 200);

        List<ServerSentEvent<Map<String, Object>>> first = new CopyOnWriteArrayList<>();
        Disposable subscription = follow(null, first);
        Api.eventually(() -> first.size(), n -> n > 0);
        assertThat(first.get(0).event()).isEqualTo("snapshot");
        assertThat(first.get(0).data()).containsKey("display");

        List<String> calledBefore = callTickets(api, 5);
        Api.eventually(() -> callsIn(first), calls -> calls.size() == 5);
        assertThat(callsIn(first)).isEqualTo(calledBefore);
        // heartbeats are comments (for proxies) and id-less "heartbeat" events (for pages' watchdogs)
        Api.eventually(() -> first.stream().anyMatch(e -> "heartbeat".equals(e.comment())), b -> b);
        assertThat(first.stream().filter(e -> "heartbeat".equals(e.comment()))).allSatisfy(e -> {
            assertThat(e.event()).isEqualTo("heartbeat");
            assertThat(e.id()).isNull();
        });
        subscription.dispose();

        String lastSeen = first.stream()
                .filter(e -> e.id() != null)
                .reduce((a, b) -> b)
                .orElseThrow()
                .id();
        List<String> calledWhileAway = callTickets(api, 4);

        List<ServerSentEvent<Map<String, Object>>> resumed = new CopyOnWriteArrayList<>();
        Disposable again = follow(lastSeen, resumed);
        Api.eventually(() -> callsIn(resumed), calls -> calls.size() >= 4);
        List<String> calledAfter = callTickets(api, 2);
        Api.eventually(() -> callsIn(resumed), calls -> calls.size() >= 6);
        again.dispose();

        assertThat(resumed.get(0).event())
                .as("a resumed stream continues, no snapshot")
                .isNotEqualTo("snapshot");
        List<String> expected = new ArrayList<>(calledWhileAway);
        expected.addAll(calledAfter);
        assertThat(callsIn(resumed)).isEqualTo(expected);
        List<Long> seqs = resumed.stream()
                .filter(e -> e.id() != null)
                .map(e -> Long.parseLong(e.id().substring(e.id().indexOf('-') + 1)))
                .toList();
        assertThat(seqs.get(0)).isEqualTo(Long.parseLong(lastSeen.substring(lastSeen.indexOf('-') + 1)) + 1);
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("dense event ids").isEqualTo(seqs.get(i - 1) + 1);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deskIn(ServerSentEvent<Map<String, Object>> event, String deskId) {
        var display = (Map<String, Object>) event.data().get("display");
        return ((List<Map<String, Object>>) display.get("desks"))
                .stream()
                        .filter(d -> deskId.equals(d.get("deskId")))
                        .findFirst()
                        .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Object latestTicket(ServerSentEvent<Map<String, Object>> event) {
        var latest = (Map<String, Object>) ((Map<String, Object>) event.data().get("display")).get("latestCall");
        return latest == null ? null : latest.get("ticket");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStreamsDeskLineServesATicketUntilItsVisitCompletes() {
        Api api = new Api(http);
        api.post("/api/centres/" + C + "/desks/d3/open", null, 200);
        api.arrive(C, "residence", null);
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = follow(null, events);
        Api.eventually(() -> events.size(), n -> n > 0);

        Map<String, Object> call = api.callNext(C, "d3");
        String ticket = (String) call.get("ticket");
        api.post("/api/visits/" + call.get("visitId") + "/recall", null, 200);
        Api.eventually(() -> events.stream().anyMatch(e -> "recall".equals(e.event())), b -> b);
        var recalled = events.stream()
                .filter(e -> "recall".equals(e.event()))
                .reduce((a, b) -> b)
                .orElseThrow();
        var serving = (Map<String, Object>) deskIn(recalled, "d3").get("serving");
        assertThat(serving)
                .containsEntry("ticket", ticket)
                .containsEntry("status", "CALLED")
                .containsEntry("recalls", 1);
        assertThat(latestTicket(recalled)).isEqualTo(ticket);

        int before = events.size();
        api.post("/api/visits/" + call.get("visitId") + "/start", null, 200);
        api.post("/api/visits/" + call.get("visitId") + "/complete", null, 200);
        // the completion's message: the last one that no longer shows the visit in service
        Api.eventually(
                () -> events.subList(before, events.size()).stream()
                        .filter(e -> e.data() != null && e.data().containsKey("display"))
                        .anyMatch(e -> deskIn(e, "d3").get("serving") == null),
                b -> b);
        subscription.dispose();
        var completed = events.subList(before, events.size()).stream()
                .filter(e -> e.data() != null && e.data().containsKey("display"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(deskIn(completed, "d3").get("serving")).isNull();
        assertThat(deskIn(completed, "d3").get("currentTicket")).isNull();
        assertThat(latestTicket(completed))
                .as("a completed ticket is not now serving")
                .isNotEqualTo(ticket);
        api.post("/api/centres/" + C + "/desks/d3/close", null, 200);
    }

    @Test
    void anUnknownLastEventIdGetsASnapshot() {
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = follow("someone-else-17", events);
        Api.eventually(() -> events.size(), n -> n > 0);
        subscription.dispose();
        assertThat(events.get(0).event()).isEqualTo("snapshot");
    }

    @Test
    void anUnknownCentreIs404() {
        http.get()
                .uri("/api/centres/nowhere/display/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aVisitorsStreamSaysWhenToGoToTheDesk() {
        Api api = new Api(http);
        api.post("/api/centres/" + C + "/desks/d2/open", null, 200);
        Map<String, Object> ticket = api.arrive(C, "residence", null);
        String token = (String) ticket.get("trackingToken");
        Api.eventually(
                () -> api.http
                        .get()
                        .uri("/api/track/" + token)
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value(),
                s -> s == 200);
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = client().get()
                .uri("/api/track/" + token + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE)
                .subscribe(events::add);
        Api.eventually(() -> events.stream().filter(e -> e.data() != null).count(), n -> n > 0);
        String called;
        do {
            Map<String, Object> call = api.callNext(C, "d2");
            called = (String) call.get("visitId");
            if (!called.equals(ticket.get("visitId"))) {
                api.post("/api/visits/" + called + "/start", null, 200);
                api.post("/api/visits/" + called + "/complete", null, 200);
            }
        } while (!called.equals(ticket.get("visitId")));
        Api.eventually(
                () -> events.stream()
                        .filter(e -> e.data() != null)
                        .anyMatch(e -> "CALLED".equals(e.data().get("status"))
                                && "d2".equals(e.data().get("deskId"))),
                b -> b);
        subscription.dispose();
        assertThat(events.stream()
                        .filter(e -> e.data() != null)
                        .findFirst()
                        .orElseThrow()
                        .data())
                .containsEntry("ticket", ticket.get("ticket"));
    }
}
