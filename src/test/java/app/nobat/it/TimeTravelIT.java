package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted day through the HTTP API, the live board recorded after each step; then the floor at
 * those instants, rebuilt from the events, must be what the live board said, and a visit's
 * explanation must list exactly the calls made while it waited, with their stored reasons.
 */
@BookingIntegrationTest
class TimeTravelIT {

    static final String C = "it-history";
    /** Thursday 2026-12-03, 09:30 in Tehran. */
    static final Instant DAY_START = Instant.parse("2026-12-03T06:00:00Z");

    static final String DAY = "2026-12-03";

    @Autowired
    WebTestClient http;

    @Autowired
    Clock clock;

    Api api;
    Instant before;

    /** The live /queues answer recorded after a step, at the clock's instant. */
    final Map<Instant, Map<String, Object>> recorded = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build(); // a loaded machine answers slowly
        api = new Api(http);
        before = clock.instant();
        ((MutableClock) clock).set(DAY_START);
    }

    @AfterEach
    void restoreClock() {
        ((MutableClock) clock).set(before);
    }

    void tick() {
        ((MutableClock) clock).advance(Duration.ofSeconds(73));
    }

    @SuppressWarnings("unchecked")
    static int waiting(Map<String, Object> queues) {
        return ((List<Map<String, Object>>) queues.get("services"))
                .stream()
                        .mapToInt(s -> ((Number) s.get("waitingCount")).intValue())
                        .sum();
    }

    @SuppressWarnings("unchecked")
    static Object deskTicket(Map<String, Object> queues, String desk) {
        return ((List<Map<String, Object>>) queues.get("desks"))
                .stream()
                        .filter(d -> desk.equals(d.get("deskId")))
                        .findFirst()
                        .map(d -> d.get("currentTicket"))
                        .orElse(null);
    }

    @SuppressWarnings("unchecked")
    static int served(Map<String, Object> queues) {
        return ((List<Map<String, Object>>) queues.get("hourly"))
                .stream().mapToInt(h -> ((Number) h.get("served")).intValue()).sum();
    }

    /** Waits for the live board to show the step (it follows the events a moment later), then records it. */
    void record(Predicate<Map<String, Object>> shows) throws InterruptedException {
        Map<String, Object> live = null;
        for (int i = 0; i < 100; i++) {
            live = api.get("/api/centres/" + C + "/queues", 200);
            if (shows.test(live)) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(live).matches(shows, "the live board shows the step");
        recorded.put(clock.instant(), live);
    }

    String arrive(String service, String priority) throws InterruptedException {
        tick();
        String ticket = (String) api.arrive(C, service, priority).get("ticket");
        return ticket;
    }

    Map<String, Object> callNext(String desk) {
        tick();
        return api.post(
                "/api/centres/" + C + "/desks/" + desk + "/call-next",
                Map.of("requestId", UUID.randomUUID().toString()),
                200);
    }

    void visitAction(String visitId, String action) {
        tick();
        api.post("/api/visits/" + visitId + "/" + action, Map.of(), 200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFloorAtAnInstantIsTheLiveBoardAsItWasThen() throws InterruptedException {
        String p1 = arrive("papers", null);
        record(q -> waiting(q) == 1);
        String p2 = arrive("papers", "ELDERLY");
        record(q -> waiting(q) == 2);
        String q1 = arrive("permits", null);
        record(q -> waiting(q) == 3);
        // today's floor read while it grows: a later request reads on from where this one stopped
        assertThat((List<?>) api.get("/api/centres/" + C + "/history/instants?day=" + DAY, 200)
                        .get("instants"))
                .hasSize(3);
        tick();
        api.post("/api/centres/" + C + "/desks/h1/open", Map.of("serviceCodes", List.of("papers", "permits")), 200);
        record(q -> "OPEN"
                .equals(((List<Map<String, Object>>) q.get("desks"))
                        .stream()
                                .filter(d -> "h1".equals(d.get("deskId")))
                                .findFirst()
                                .orElseThrow()
                                .get("status")));

        Map<String, Object> first = callNext("h1");
        assertThat(first.get("ticket")).isEqualTo(p2); // the elderly visitor's weight puts her first
        record(q -> p2.equals(deskTicket(q, "h1")) && waiting(q) == 2);
        visitAction((String) first.get("visitId"), "start");
        String p3 = arrive("papers", null);
        record(q -> waiting(q) == 3);
        visitAction((String) first.get("visitId"), "complete");
        record(q -> deskTicket(q, "h1") == null && served(q) == 1);

        Map<String, Object> second = callNext("h1");
        record(q -> second.get("ticket").equals(deskTicket(q, "h1")) && waiting(q) == 2);
        visitAction((String) second.get("visitId"), "start");
        visitAction((String) second.get("visitId"), "complete");
        record(q -> deskTicket(q, "h1") == null && served(q) == 2);
        Map<String, Object> third = callNext("h1");
        record(q -> third.get("ticket").equals(deskTicket(q, "h1")) && waiting(q) == 1);

        // the floor at each recorded instant, rebuilt from the events, is the live board of then
        assertThat(recorded).hasSize(10);
        for (Map.Entry<Instant, Map<String, Object>> step : recorded.entrySet()) {
            Map<String, Object> then =
                    api.get("/api/centres/" + C + "/history/floor?day=" + DAY + "&at=" + step.getKey(), 200);
            assertThat(then.get("queues")).as("the floor at %s", step.getKey()).isEqualTo(step.getValue());
        }
        // between two steps the floor is the earlier one's
        Instant first0 = recorded.keySet().iterator().next();
        Map<String, Object> between =
                api.get("/api/centres/" + C + "/history/floor?day=" + DAY + "&at=" + first0.plusSeconds(30), 200);
        assertThat(waiting((Map<String, Object>) between.get("queues"))).isEqualTo(1);
        // before anything happened that day, the floor is empty
        Map<String, Object> dawn =
                api.get("/api/centres/" + C + "/history/floor?day=" + DAY + "&at=2026-12-02T21:00:00Z", 200);
        assertThat(dawn.get("events")).isEqualTo(0);
        assertThat(waiting((Map<String, Object>) dawn.get("queues"))).isZero();
        // the display as it was: the latest call of that moment
        Map<String, Object> atSecondCall = api.get(
                "/api/centres/" + C + "/history/floor?day=" + DAY + "&at=" + new ArrayList<>(recorded.keySet()).get(7),
                200);
        assertThat(((Map<String, Object>) ((Map<String, Object>) atSecondCall.get("display")).get("latestCall"))
                        .get("ticket"))
                .isEqualTo(second.get("ticket"));

        // the steps of a playback: one per instant something happened
        Map<String, Object> instants = api.get("/api/centres/" + C + "/history/instants?day=" + DAY, 200);
        List<String> steps = (List<String>) instants.get("instants");
        assertThat(steps).hasSize(12).doesNotHaveDuplicates();
        assertThat(steps).isSorted();
        assertThat(instants.get("timeZone")).isEqualTo("Asia/Tehran");

        // "I was skipped": P-001 waited while P-002 (elderly, by weight), then nobody else, was called
        Map<String, Object> why = api.get("/api/centres/" + C + "/history/explanation?ticket=p1&day=" + DAY, 200);
        assertThat(why.get("ticket")).isEqualTo(p1);
        List<Map<String, Object>> calls = (List<Map<String, Object>>) why.get("callsWhileWaiting");
        assertThat(calls).extracting(c -> c.get("ticket")).containsExactly(p2);
        Map<String, Object> reason = (Map<String, Object>) calls.get(0).get("reason");
        assertThat(reason.get("priorityClass")).isEqualTo("ELDERLY");
        assertThat(((Number) reason.get("weight")).doubleValue()).isEqualTo(2.0);
        // P-002 arrived three steps of 73 s before the call, and her weight doubles the minutes waited
        assertThat(((Number) reason.get("waitedMinutes")).doubleValue()).isCloseTo(3 * 73 / 60.0, within(0.01));
        assertThat(((Number) reason.get("score")).doubleValue()).isCloseTo(2 * 3 * 73 / 60.0, within(0.01));
        assertThat(reason.get("priorityCapApplied")).isEqualTo(false);
        assertThat(calls.get(0).get("sameService")).isEqualTo(true);
        List<Map<String, Object>> own = (List<Map<String, Object>>) why.get("ownCalls");
        assertThat(own).extracting(c -> c.get("ticket")).containsExactly(p1);
        assertThat(second.get("ticket")).isEqualTo(p1);

        // Q-001 (permits) waited through the two calls of papers before its own
        Map<String, Object> whyQ =
                api.get("/api/centres/" + C + "/history/explanation?ticket=" + q1 + "&day=" + DAY, 200);
        List<Map<String, Object>> callsQ = (List<Map<String, Object>>) whyQ.get("callsWhileWaiting");
        assertThat(third.get("ticket")).isEqualTo(q1);
        assertThat(callsQ).extracting(c -> c.get("ticket")).containsExactly(p2, p1);
        assertThat(callsQ).extracting(c -> c.get("sameService")).containsOnly(false);
        assertThat(p3).isNotNull();
    }

    @Test
    void badQuestionsAreRefusedWithTheirCodes() {
        WebTestClient.ResponseSpec unknown = http.get()
                .uri("/api/centres/no-such-centre/history/instants?day=" + DAY)
                .exchange();
        unknown.expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("unknown-centre");
        http.get()
                .uri("/api/centres/" + C + "/history/instants?day=2020-01-01")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("no-floor-on-day")
                .jsonPath("$.date")
                .isEqualTo("2020-01-01");
        http.get()
                .uri("/api/centres/" + C + "/history/floor?day=" + DAY + "&at=2026-12-03T21:00:00Z")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("instant-outside-day")
                .jsonPath("$.timeZone")
                .isEqualTo("Asia/Tehran");
        http.get()
                .uri("/api/centres/" + C + "/history/floor?day=" + DAY + "&at=soon")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("at");
        // a desk clerk reads today's queues, not the history
        http.mutate()
                .defaultHeaders(h -> h.setBasicAuth("demo-desk", "demo-desk-pass"))
                .build()
                .get()
                .uri("/api/centres/" + C + "/history/instants?day=" + DAY)
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
