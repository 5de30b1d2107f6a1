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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Rule 1 and 2 under load: 240 waiting tickets, 6 desks calling in parallel with double clicks and
 * retried request ids, by call-next and by name, some called tickets returned to the queue and called
 * again: no ticket is ever held by two desks, no desk ever holds two, every ticket is served once,
 * numbering gap-free.
 */
@IntegrationTest
class ConcurrentDesksIT {

    static final String C = "it-load";
    static final int TICKETS = 240;
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
            // 240 arrivals from 12 kiosks at once, some with a retried request id
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

            Map<String, String> held = new ConcurrentHashMap<>();
            Set<String> ended = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> desks = new ArrayList<>();
            for (int d = 1; d <= DESKS; d++) {
                String desk = "d" + d;
                desks.add(pool.submit(() -> runDesk(desk, held, ended)));
            }
            int total = 0;
            for (Future<Integer> desk : desks) {
                total += desk.get();
            }
            assertThat(total).isEqualTo(TICKETS);
            assertThat(ended).isEqualTo(visits);
            assertThat(held).isEmpty();
            System.out.printf(
                    "Desks: %d calls by name, %d of them taken elsewhere first, %d returns to the queue%n",
                    byName.get() + takenElsewhere.get(), takenElsewhere.get(), returns.get());
            assertThat(byName.get()).as("calls by name").isPositive();
            assertThat(returns.get()).as("returns to the queue").isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertDeskNeverHeldTwoAndEachTicketCalledOnce();
    }

    /**
     * One desk's day until the queue is empty: it calls by call-next (double-clicked, sometimes
     * retried) or, one time in four, calls by name one of the first tickets of its call order (the
     * very tickets the other desks' call-next is about to take), double-clicked too; a ticket taken
     * elsewhere first is refused. One held ticket in eight goes back to the queue, to be called again;
     * the others are served or marked no-show.
     *
     * @param held the desk holding each visit now, as the desks saw their answers
     * @param ended the visits served or marked no-show
     */
    private int runDesk(String desk, Map<String, String> held, Set<String> ended) throws Exception {
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        int served = 0;
        try {
            while (true) {
                String visitId = ThreadLocalRandom.current().nextInt(4) == 0 ? callByName(desk, clicks) : null;
                if (visitId == null) {
                    visitId = callNext(desk, clicks);
                    if (visitId == null) {
                        return served;
                    }
                } else if (visitId.isEmpty()) {
                    continue; // taken by another desk first
                }
                String previous = held.putIfAbsent(visitId, desk);
                assertThat(previous)
                        .as("%s held by %s and %s", visitId, previous, desk)
                        .isNull();
                if (ThreadLocalRandom.current().nextInt(8) == 0) {
                    // no longer this desk's before the floor lets another desk call it
                    held.remove(visitId);
                    var back = post("/api/visits/" + visitId + "/return", Map.of("reason", "VISITOR_NOT_HERE"));
                    assertThat(back.getStatusCode().value())
                            .as("%s", back.getBody())
                            .isEqualTo(200);
                    returns.incrementAndGet();
                    continue;
                }
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
                held.remove(visitId);
                assertThat(ended.add(visitId)).as("%s ended twice", visitId).isTrue();
                served++;
            }
        } finally {
            clicks.shutdownNow();
        }
    }

    /** A call-next, double-clicked and sometimes retried late: the visit called, or null when no one waits. */
    private String callNext(String desk, ExecutorService clicks) throws Exception {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("requestId", requestId);
        String path = "/api/centres/" + C + "/desks/" + desk + "/call-next";
        Future<ResponseEntity<Map<String, Object>>> a = clicks.submit(() -> post(path, body));
        Future<ResponseEntity<Map<String, Object>>> b = clicks.submit(() -> post(path, body));
        List<ResponseEntity<Map<String, Object>>> answers = List.of(a.get(), b.get());
        List<Map<String, Object>> called = new ArrayList<>();
        for (var r : answers) {
            if (r.getStatusCode().value() == 409) {
                // one click may find the queue empty and the other a ticket another desk just returned
                assertThat((String) r.getBody().get("type"))
                        .as("%s", r.getBody())
                        .isEqualTo("https://nobat.app/problems/queue-empty");
            } else {
                assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
                called.add(r.getBody());
            }
        }
        if (called.isEmpty()) {
            return null;
        }
        // both clicks that called name the same visit: one call, answered twice
        assertThat(called).allMatch(answer -> answer.equals(called.get(0)));
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            assertThat(post(path, body).getBody()).as("a late retry").isEqualTo(called.get(0));
        }
        return (String) called.get(0).get("visitId");
    }

    /**
     * One of the first three tickets of the desk's call order called by name, double-clicked: the
     * visit called, "" when another desk took it first, or null when the desk sees no one waiting.
     */
    @SuppressWarnings("unchecked")
    private String callByName(String desk, ExecutorService clicks) throws Exception {
        Map<String, Object> floor = client.get()
                .uri("/api/centres/" + C + "/queues")
                .retrieve()
                .bodyToMono(JSON)
                .block(Duration.ofSeconds(60));
        List<String> order = ((List<Map<String, Object>>) floor.get("desks"))
                .stream()
                        .filter(d -> desk.equals(d.get("deskId")))
                        .map(d -> (List<String>) d.get("callOrder"))
                        .findFirst()
                        .orElseThrow();
        if (order.isEmpty()) {
            return null;
        }
        String visitId = order.get(ThreadLocalRandom.current().nextInt(Math.min(3, order.size())));
        Map<String, Object> body = Map.of("visitId", visitId, "reason", "RETURNED_AFTER_STEPPING_OUT");
        String path = "/api/centres/" + C + "/desks/" + desk + "/call";
        Future<ResponseEntity<Map<String, Object>>> a = clicks.submit(() -> post(path, body));
        Future<ResponseEntity<Map<String, Object>>> b = clicks.submit(() -> post(path, body));
        List<ResponseEntity<Map<String, Object>>> answers = List.of(a.get(), b.get());
        List<Map<String, Object>> called = answers.stream()
                .filter(r -> r.getStatusCode().value() == 200)
                .map(ResponseEntity::getBody)
                .toList();
        for (var r : answers) {
            if (r.getStatusCode().value() != 200) {
                // the board this desk read was a moment old: the ticket is at another desk, or done
                assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
                assertThat((String) r.getBody().get("type"))
                        .as("%s", r.getBody())
                        .isIn(
                                "https://nobat.app/problems/visit-at-another-desk",
                                "https://nobat.app/problems/visit-not-waiting");
            }
        }
        if (called.isEmpty()) {
            takenElsewhere.incrementAndGet();
            return "";
        }
        called.forEach(
                answer -> assertThat(answer).containsEntry("visitId", visitId).containsEntry("deskId", desk));
        byName.incrementAndGet();
        return visitId;
    }

    final AtomicInteger byName = new AtomicInteger();
    final AtomicInteger takenElsewhere = new AtomicInteger();
    final AtomicInteger returns = new AtomicInteger();

    private void assertDeskNeverHeldTwoAndEachTicketCalledOnce() {
        Map<String, Object> floor = client.get()
                .uri("/api/centres/" + C + "/queues")
                .retrieve()
                .bodyToMono(JSON)
                .block();
        String floorId = C + ":" + floor.get("day");
        Map<String, String> holding = new HashMap<>();
        Map<String, String> heldBy = new HashMap<>();
        Set<String> called = new HashSet<>();
        int calls = 0;
        int outOfTurn = 0;
        int returned = 0;
        // the storage engine's stream, not the event store's: that one starts from the latest snapshot
        for (var message : storageEngine.readEvents(floorId, 0).asStream().toList()) {
            Object event = message.getPayload();
            String desk = null;
            String visit = null;
            if (event instanceof TicketCalled e) {
                desk = e.deskId();
                visit = e.visitId();
            } else if (event instanceof TicketCalledOutOfTurn e) {
                desk = e.deskId();
                visit = e.visitId();
                outOfTurn++;
            }
            if (visit != null) {
                calls++;
                assertThat(holding.get(desk))
                        .as("desk %s already holds a visit", desk)
                        .isNull();
                assertThat(heldBy.get(visit))
                        .as("%s called at %s while at desk %s", visit, desk, heldBy.get(visit))
                        .isNull();
                holding.put(desk, visit);
                heldBy.put(visit, desk);
                called.add(visit);
            } else if (event instanceof VisitCompleted
                    || event instanceof VisitMarkedNoShow
                    || event instanceof VisitTransferred
                    || event instanceof VisitCancelled
                    || event instanceof VisitReturnedToQueue) {
                String at = event instanceof VisitCompleted c
                        ? c.deskId()
                        : event instanceof VisitMarkedNoShow n
                                ? n.deskId()
                                : event instanceof VisitTransferred t
                                        ? t.deskId()
                                        : event instanceof VisitReturnedToQueue r
                                                ? r.deskId()
                                                : ((VisitCancelled) event).deskId();
                if (event instanceof VisitReturnedToQueue) {
                    returned++;
                }
                if (at != null) {
                    heldBy.remove(holding.remove(at));
                }
            }
        }
        assertThat(outOfTurn).as("calls by name").isEqualTo(byName.get());
        assertThat(returned).isEqualTo(returns.get());
        assertThat(calls).isEqualTo(TICKETS + returned);
        // a long day is snapshotted, so that a cold load of the floor stays short
        assertThat(database.getCollection("snapshotevents").countDocuments(Filters.eq("_id", floorId)))
                .isEqualTo(1);
        assertThat(called).hasSize(TICKETS);
    }
}
