package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Bounded connections (issue 10, item 8): live streams capped per client and per ticket, slow
 * request heads cut off, and a finished ticket's stream that ends instead of heartbeating forever.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"nobat.streams.per-client=4", "nobat.streams.per-token=2", "nobat.http.request-header-timeout=1s"
        })
class LiveStreamLimitsIT {

    static final String C = "it-stream";
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    WebClient anonymous() {
        return WebClient.builder().baseUrl("http://localhost:" + port).build();
    }

    String ticketToken(Api api) {
        String token = (String) api.arrive(C, "residence", null).get("trackingToken");
        Api.eventually(
                () -> api.http
                        .get()
                        .uri("/api/track/" + token)
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value(),
                s -> s == 200);
        return token;
    }

    /** Opens a tracking stream and waits until it has sent its first ticket state. */
    Disposable follow(String token, List<ServerSentEvent<Map<String, Object>>> into) {
        int before = into.size();
        Disposable d = anonymous()
                .get()
                .uri("/api/track/" + token + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE)
                .subscribe(into::add);
        Api.eventually(into::size, n -> n > before);
        return d;
    }

    void assertRefused(String token, String detail) {
        http.get()
                .uri("/api/track/" + token + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/too-many-streams")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains(detail));
    }

    @Test
    void streamsOverTheCapsPerTicketAndPerClientAre429AndAClosedOneFreesItsPlace() throws Exception {
        Api api = new Api(http);
        String first = ticketToken(api);
        String second = ticketToken(api);
        String third = ticketToken(api);
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        List<Disposable> open = new ArrayList<>();
        open.add(follow(first, events));
        open.add(follow(first, events));
        assertRefused(first, "for this ticket");

        open.add(follow(second, events));
        open.add(follow(second, events));
        assertRefused(third, "from this client");

        // open streams outlive the request-head deadline: it bounds requests, not answers
        Thread.sleep(2500);
        int seen = events.size();
        Api.eventually(events::size, n -> n > seen); // heartbeats still arrive

        open.remove(0).dispose();
        Api.eventually(
                () -> http.get()
                        .uri("/api/track/" + first)
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value(),
                s -> s == 200);
        open.add(Api.eventually(
                () -> {
                    try {
                        return follow(third, events);
                    } catch (AssertionError notYetReleased) {
                        return null;
                    }
                },
                d -> d != null));
        open.forEach(Disposable::dispose);
    }

    @Test
    void aFinishedTicketsStreamSendsTheFinalStateAndEnds() {
        Api api = new Api(http);
        api.post("/api/centres/" + C + "/desks/d1/open", null, 200);
        String token = ticketToken(api);
        String visitId;
        do {
            visitId = (String) api.callNext(C, "d1").get("visitId");
            api.post("/api/visits/" + visitId + "/start", null, 200);
            api.post("/api/visits/" + visitId + "/complete", null, 200);
        } while (!"COMPLETED".equals(api.get("/api/track/" + token, 200).get("status")));

        List<ServerSentEvent<Map<String, Object>>> all = anonymous()
                .get()
                .uri("/api/track/" + token + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE)
                .collectList()
                .block(Duration.ofSeconds(10)); // heartbeats every second would keep it open
        assertThat(all).isNotNull();
        List<ServerSentEvent<Map<String, Object>>> tickets =
                all.stream().filter(e -> "ticket".equals(e.event())).toList();
        assertThat(tickets).isNotEmpty();
        assertThat(tickets.get(tickets.size() - 1).data()).containsEntry("status", "COMPLETED");
    }

    @Test
    void aClientThatSendsHalfARequestHeadIsDisconnectedWithinTheTimeout() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/centres HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertThat(millis).isBetween(500L, 4_000L);
        }
    }

    @Test
    void aClientThatTricklesItsHeadAByteAtATimeIsDisconnectedToo() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] head = "GET /api/centres HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    .getBytes(StandardCharsets.US_ASCII);
            long started = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < head.length && !closed; i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                    closed = in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing answered yet: send the next byte
                } catch (IOException reset) {
                    closed = true;
                }
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertThat(closed).as("closed while trickling").isTrue();
            assertThat(millis).isLessThan(4_000L);
        }
    }

    @Test
    void aWholeRequestIsAnsweredAsBefore() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /api/centres HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }
}
