package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/**
 * Two application nodes on one store: desks on both call from one floor at once (rule 1 across
 * nodes), a request id repeated on both nodes calls once, and each node's display stream sees the
 * calls made through the other.
 */
class TwoNodesProcessIT {

    static final String C = "it-stream";
    static final int TICKETS = 40;
    final TwoNodes nodes = new TwoNodes("two-nodes");
    final AppProcess a = nodes.a;
    final AppProcess b = nodes.b;

    @AfterEach
    void stop() throws InterruptedException {
        nodes.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void desksOnTwoNodesNeverCallOneTicketTwiceAndBothDisplaysSeeEveryCall() throws Exception {
        nodes.start();

        List<ServerSentEvent<Map<String, Object>>> seenByA = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> seenByB = new CopyOnWriteArrayList<>();
        Disposable followA = follow(a, seenByA);
        Disposable followB = follow(b, seenByB);

        assertThat(a.post("/api/centres/" + C + "/desks/d1/open", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(b.post("/api/centres/" + C + "/desks/d2/open", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        Set<String> tickets = new HashSet<>();
        for (int i = 0; i < TICKETS; i++) {
            var arrival =
                    (i % 2 == 0 ? a : b).post("/api/centres/" + C + "/visits", Map.of("serviceCode", "residence"));
            assertThat(arrival.getStatusCode().value()).isEqualTo(201);
            assertThat(tickets.add((String) arrival.getBody().get("ticket")))
                    .as("unique numbering")
                    .isTrue();
        }

        // the same request id sent to both nodes at once answers one call
        String shared = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var viaA =
                    pool.submit(() -> a.post("/api/centres/" + C + "/desks/d1/call-next", Map.of("requestId", shared)));
            var viaB =
                    pool.submit(() -> b.post("/api/centres/" + C + "/desks/d1/call-next", Map.of("requestId", shared)));
            assertThat(viaA.get().getStatusCode().value()).isEqualTo(200);
            assertThat(viaB.get().getBody()).isEqualTo(viaA.get().getBody());
            String first = (String) viaA.get().getBody().get("visitId");
            assertThat(a.post("/api/visits/" + first + "/start", Map.of())
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            assertThat(b.post("/api/visits/" + first + "/complete", Map.of())
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);

            Map<String, String> calledBy = new ConcurrentHashMap<>();
            calledBy.put(first, "d1");
            List<Future<Integer>> desks = new ArrayList<>();
            desks.add(pool.submit(() -> serve(a, "d1", calledBy)));
            desks.add(pool.submit(() -> serve(b, "d2", calledBy)));
            int served = 1;
            for (Future<Integer> desk : desks) {
                served += desk.get();
            }
            assertThat(served).isEqualTo(TICKETS);
            assertThat(calledBy).hasSize(TICKETS);
        } finally {
            pool.shutdownNow();
        }

        Api.eventually(() -> calls(seenByA).size(), n -> n == TICKETS);
        Api.eventually(() -> calls(seenByB).size(), n -> n == TICKETS);
        followA.dispose();
        followB.dispose();
        assertThat(calls(seenByB))
                .as("both nodes show the same calls in the same order")
                .isEqualTo(calls(seenByA));
        assertThat(new HashSet<>(calls(seenByA))).hasSize(TICKETS);
    }

    private int serve(AppProcess node, String desk, Map<String, String> calledBy) {
        int served = 0;
        while (true) {
            var call = node.post(
                    "/api/centres/" + C + "/desks/" + desk + "/call-next",
                    Map.of("requestId", UUID.randomUUID().toString()));
            if (call.getStatusCode().value() == 409) {
                assertThat(call.getBody().get("type")).isEqualTo("https://nobat.app/problems/queue-empty");
                return served;
            }
            assertThat(call.getStatusCode().value()).as("%s", call.getBody()).isEqualTo(200);
            String visitId = (String) call.getBody().get("visitId");
            assertThat(calledBy.putIfAbsent(visitId, desk))
                    .as("%s called twice", visitId)
                    .isNull();
            assertThat(node.post("/api/visits/" + visitId + "/start", Map.of())
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            assertThat(node.post("/api/visits/" + visitId + "/complete", Map.of())
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            served++;
        }
    }

    private static Disposable follow(AppProcess node, List<ServerSentEvent<Map<String, Object>>> into) {
        return node.client
                .get()
                .uri("/api/centres/" + C + "/display/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .subscribe(into::add);
    }

    @SuppressWarnings("unchecked")
    private static List<String> calls(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream()
                .filter(e -> "call".equals(e.event()))
                .map(e -> (String) ((Map<String, Object>) e.data().get("change")).get("ticket"))
                .toList();
    }
}
