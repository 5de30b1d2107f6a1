package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.domain.FloorEvent.*;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Rule 1 and 2 under load: 500 waiting tickets, 6 desks calling in parallel with double clicks and
 * retried request ids: every ticket called exactly once, no desk ever holds two, numbering gap-free.
 */
@IntegrationTest
class ConcurrentDesksIT {

    static final String C = "it-load";
    static final int TICKETS = 500;
    static final int DESKS = 6;
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    MongoDatabase database;

    WebClient client;

    ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return client.post()
                .uri(path)
                .bodyValue(body == null ? Map.of() : body)
                .exchangeToMono(r -> r.toEntity(JSON))
                .block(Duration.ofSeconds(60));
    }

    @Test
    void everyTicketIsCalledExactlyOnceAndNoDeskHoldsTwo() throws Exception {
        client = WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(AsAdministrator.USER, AsAdministrator.PASSWORD))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(DESKS * 2);
        try {
            // 500 arrivals from 12 kiosks at once, some with a retried request id
            List<Future<ResponseEntity<Map<String, Object>>>> arrivals = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                String service = i % 2 == 0 ? "residence" : "work";
                String cls = i % 7 == 0 ? "ELDERLY" : "NONE";
                String requestId = "kiosk-" + i;
                arrivals.add(pool.submit(() -> post(
                        "/api/centres/" + C + "/visits",
                        Map.of("serviceCode", service, "priorityClass", cls, "requestId", requestId))));
            }
            Set<String> visits = new HashSet<>();
            Map<String, List<Integer>> numbers = new HashMap<>();
            for (var f : arrivals) {
                var r = f.get();
                assertThat(r.getStatusCode().value()).isEqualTo(201);
                visits.add((String) r.getBody().get("visitId"));
                String ticket = (String) r.getBody().get("ticket");
                numbers.computeIfAbsent(ticket.substring(0, 1), k -> new ArrayList<>())
                        .add(Integer.parseInt(ticket.substring(2)));
            }
            // a kiosk's retry returns its first ticket
            var retry = post(
                    "/api/centres/" + C + "/visits",
                    Map.of("serviceCode", "residence", "priorityClass", "ELDERLY", "requestId", "kiosk-0"));
            assertThat(retry.getStatusCode().value()).isEqualTo(201);
            assertThat(visits).contains((String) retry.getBody().get("visitId"));
            assertThat(visits).hasSize(TICKETS);
            numbers.values()
                    .forEach(n -> assertThat(n)
                            .containsExactlyInAnyOrderElementsOf(
                                    IntStream.rangeClosed(1, n.size()).boxed().toList()));

            for (int d = 1; d <= DESKS; d++) {
                assertThat(post("/api/centres/" + C + "/desks/d" + d + "/open", null)
                                .getStatusCode()
                                .value())
                        .isEqualTo(200);
            }

            Map<String, String> calledBy = new ConcurrentHashMap<>();
            List<Future<Integer>> desks = new ArrayList<>();
            for (int d = 1; d <= DESKS; d++) {
                String desk = "d" + d;
                desks.add(pool.submit(() -> runDesk(desk, calledBy)));
            }
            int total = 0;
            for (Future<Integer> desk : desks) {
                total += desk.get();
            }
            assertThat(total).isEqualTo(TICKETS);
            assertThat(calledBy.keySet()).isEqualTo(visits);
        } finally {
            pool.shutdownNow();
        }
        assertDeskNeverHeldTwoAndEachTicketCalledOnce();
    }

    /** One desk's day: call (double-clicked, sometimes retried), then serve or mark no-show, until the queue is empty. */
    private int runDesk(String desk, Map<String, String> calledBy) throws Exception {
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        int served = 0;
        try {
            while (true) {
                String requestId = UUID.randomUUID().toString();
                Map<String, Object> body = Map.of("requestId", requestId);
                String path = "/api/centres/" + C + "/desks/" + desk + "/call-next";
                Future<ResponseEntity<Map<String, Object>>> a = clicks.submit(() -> post(path, body));
                Future<ResponseEntity<Map<String, Object>>> b = clicks.submit(() -> post(path, body));
                var first = a.get();
                var second = b.get();
                if (first.getStatusCode().value() == 409
                        && "https://nobat.app/problems/queue-empty"
                                .equals(first.getBody().get("type"))) {
                    assertThat(second.getStatusCode().value()).isEqualTo(409);
                    return served;
                }
                assertThat(first.getStatusCode().value())
                        .as("%s", first.getBody())
                        .isEqualTo(200);
                assertThat(second.getStatusCode().value())
                        .as("%s", second.getBody())
                        .isEqualTo(200);
                assertThat(second.getBody()).isEqualTo(first.getBody());
                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    assertThat(post(path, body).getBody()).as("a late retry").isEqualTo(first.getBody());
                }
                String visitId = (String) first.getBody().get("visitId");
                String previous = calledBy.putIfAbsent(visitId, desk);
                assertThat(previous).as("%s called twice", visitId).isNull();
                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                    assertThat(post("/api/visits/" + visitId + "/no-show", null)
                                    .getStatusCode()
                                    .value())
                            .isEqualTo(409);
                    assertThat(post("/api/visits/" + visitId + "/recall", null)
                                    .getStatusCode()
                                    .value())
                            .isEqualTo(200);
                    assertThat(post("/api/visits/" + visitId + "/recall", null)
                                    .getStatusCode()
                                    .value())
                            .isEqualTo(200);
                    assertThat(post("/api/visits/" + visitId + "/no-show", null)
                                    .getStatusCode()
                                    .value())
                            .isEqualTo(200);
                } else {
                    assertThat(post("/api/visits/" + visitId + "/start", null)
                                    .getStatusCode()
                                    .value())
                            .isEqualTo(200);
                    assertThat(post("/api/visits/" + visitId + "/complete", null)
                                    .getStatusCode()
                                    .value())
                            .isEqualTo(200);
                }
                served++;
            }
        } finally {
            clicks.shutdownNow();
        }
    }

    private void assertDeskNeverHeldTwoAndEachTicketCalledOnce() {
        Map<String, Object> floor = client.get()
                .uri("/api/centres/" + C + "/queues")
                .retrieve()
                .bodyToMono(JSON)
                .block();
        String floorId = C + ":" + floor.get("day");
        Map<String, String> holding = new HashMap<>();
        Set<String> called = new HashSet<>();
        int calls = 0;
        // the storage engine's stream, not the event store's: that one starts from the latest snapshot
        for (var message : storageEngine.readEvents(floorId, 0).asStream().toList()) {
            Object event = message.getPayload();
            if (event instanceof TicketCalled e) {
                calls++;
                assertThat(holding.get(e.deskId()))
                        .as("desk %s already holds a visit", e.deskId())
                        .isNull();
                holding.put(e.deskId(), e.visitId());
                assertThat(called.add(e.visitId()))
                        .as("%s called twice", e.visitId())
                        .isTrue();
            } else if (event instanceof VisitCompleted
                    || event instanceof VisitMarkedNoShow
                    || event instanceof VisitTransferred
                    || event instanceof VisitCancelled) {
                String desk = event instanceof VisitCompleted c
                        ? c.deskId()
                        : event instanceof VisitMarkedNoShow n
                                ? n.deskId()
                                : event instanceof VisitTransferred t ? t.deskId() : ((VisitCancelled) event).deskId();
                if (desk != null) {
                    holding.remove(desk);
                }
            }
        }
        assertThat(calls).isEqualTo(TICKETS);
        // a long day is snapshotted, so that a cold load of the floor stays short
        assertThat(database.getCollection("snapshotevents").countDocuments(Filters.eq("_id", floorId)))
                .isEqualTo(1);
        assertThat(called).hasSize(TICKETS);
    }
}
