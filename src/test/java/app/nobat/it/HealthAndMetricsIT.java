package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.platform.mongo.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health and metrics through HTTP, on a real MongoDB URI: the test's own MongoDB-wire server
 * (mongo-java-server on a loopback port, an H2 file) that it stops and starts again, with short
 * driver timeouts. Readiness is DOWN while nothing listens on the store's port and UP again once
 * the store is back, and so is the Docker image's health check; liveness stays UP. The Prometheus endpoint shows the demo centre's floor
 * gauges to administrators and refuses anyone else. The clock is the test's: a Tuesday morning in
 * Tehran, inside the demo centre's opening hours, moved by hand.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nobat.mongo.data-dir=target/test-data/health-unused-${random.uuid}",
            "nobat.floor.closing.enabled=false",
            "nobat.metrics.floor-refresh=200ms",
            "nobat.health.timeout=2s"
        })
@Import({AsAdministrator.class, HealthAndMetricsSetup.class})
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HealthAndMetricsIT {

    static final String C = "persian-gulf";
    /** 09:00 in Tehran on Tuesday 2026-12-01: the demo centre is open (07:30–14:30). */
    static final Instant MORNING = Instant.parse("2026-12-01T05:30:00Z");

    static final Path DATA = Path.of("target", "test-data", "health-" + UUID.randomUUID());
    static final int STORE_PORT = freePort();
    static volatile EmbeddedMongo store = new EmbeddedMongo(DATA, STORE_PORT);

    @DynamicPropertySource
    static void storeUri(DynamicPropertyRegistry registry) {
        // the driver gives up on an unreachable server after 1 s and looks for it again every 0.5 s
        registry.add(
                "nobat.mongo.uri",
                () -> "mongodb://127.0.0.1:" + STORE_PORT + "/?serverSelectionTimeoutMS=1000&heartbeatFrequencyMS=500");
    }

    @Autowired
    WebTestClient admin;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("storeHealthIndicator")
    ReactiveHealthIndicator storeHealth;

    @LocalServerPort
    int port;

    WebTestClient anonymous;
    WebTestClient desk;

    @BeforeEach
    void setUp() {
        anonymous = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        desk = anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth("demo-desk", "demo-desk-pass"))
                .build();
        admin = admin.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readinessIsDownWhileTheStoreIsUnreachableAndUpWhenItReturns() {
        // anyone sees the status, and only the status
        assertThat(get(anonymous, "/actuator/health/readiness")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
        assertThat(get(desk, "/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        Map<String, Object> ready = details("/actuator/health/readiness");
        Map<String, Object> components = (Map<String, Object>) ready.get("components");
        assertThat(components).containsOnlyKeys("readinessState", "store", "eventProcessors");
        assertThat(status(components, "store")).isEqualTo("UP");
        assertThat(status(components, "eventProcessors")).isEqualTo("UP");
        Map<String, Object> processors = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) components.get("eventProcessors")).get("details"))
                        .get("processors");
        assertThat(processors).containsKeys("floor-board", "floor-feed", "centre-catalog");

        store.close(); // nothing listens on the URI's port now
        Answer down = eventually(() -> get(anonymous, "/actuator/health/readiness"), a -> a.status() == 503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        // (the staff accounts live in the store too, so no one signs in to read the details now)
        Health storeDown = storeHealth.health().block(Duration.ofSeconds(30));
        assertThat(storeDown.getStatus()).isEqualTo(Status.DOWN);
        assertThat(storeDown.getDetails()).containsKeys("database", "error");
        assertThat(dockerHealthCheck())
                .as("docker/healthcheck.sh while the store is away")
                .isEqualTo(1);
        // the process itself is alive: restarting it would not bring the store back
        assertThat(get(anonymous, "/actuator/health/liveness")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));

        store = new EmbeddedMongo(DATA, STORE_PORT); // the same file, on the same port
        Answer up = eventually(() -> get(anonymous, "/actuator/health/readiness"), a -> a.status() == 200);
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(dockerHealthCheck())
                .as("docker/healthcheck.sh with the store back")
                .isZero();
        Map<String, Object> back = details("/actuator/health/readiness");
        assertThat(status((Map<String, Object>) back.get("components"), "store"))
                .isEqualTo("UP");
        assertThat(status((Map<String, Object>) back.get("components"), "eventProcessors"))
                .isEqualTo("UP");
    }

    @Test
    void prometheusShowsTheDemoCentresFloorGaugesToAdministratorsOnly() {
        ((MutableClock) clock).set(MORNING);
        Api api = new Api(admin);
        List<String> secrets = new ArrayList<>();
        for (String priority : new String[] {null, "ELDERLY", null}) {
            Map<String, Object> arrival = api.arrive(C, "residence", priority);
            secrets.add((String) arrival.get("trackingToken"));
            secrets.add((String) arrival.get("visitId"));
        }
        Map<String, Object> health = api.arrive(C, "health", null);
        secrets.add((String) health.get("trackingToken"));
        api.post("/api/centres/" + C + "/desks/desk-1/open", Map.of("serviceCodes", List.of("residence")), 200);
        ((MutableClock) clock).advance(Duration.ofMinutes(25)); // beyond both services' targets (20 and 15)

        Map<String, Double> seen =
                eventually(() -> scrape(), m -> m.get(gauge("nobat_floor_target_breaches", "residence")) == 3.0);
        assertThat(seen.get(gauge("nobat_floor_waiting", "residence"))).isEqualTo(3.0);
        assertThat(seen.get(gauge("nobat_floor_longest_wait_minutes", "residence")))
                .isEqualTo(25.0);
        assertThat(seen.get(gauge("nobat_floor_desks_serving", "residence"))).isEqualTo(1.0);
        assertThat(seen.get(gauge("nobat_floor_waiting", "health"))).isEqualTo(1.0);
        assertThat(seen.get(gauge("nobat_floor_target_breaches", "health"))).isEqualTo(1.0);
        assertThat(seen.get(gauge("nobat_floor_desks_serving", "health"))).isEqualTo(0.0);
        assertThat(seen.get(gauge("nobat_floor_waiting", "identity"))).isEqualTo(0.0);
        assertThat(seen.get(gauge("nobat_floor_calls_total", "residence"))).isEqualTo(0.0);
        assertThat(seen.get(gauge("nobat_floor_calls_per_minute", "residence"))).isEqualTo(0.0);

        api.callNext(C, "desk-1");
        seen = eventually(() -> scrape(), m -> m.get(gauge("nobat_floor_calls_total", "residence")) == 1.0);
        assertThat(seen.get(gauge("nobat_floor_waiting", "residence"))).isEqualTo(2.0);
        assertThat(seen.get(gauge("nobat_floor_target_breaches", "residence"))).isEqualTo(2.0);
        // one call in the last 15 minutes (nobat.metrics.calls-window)
        assertThat(seen.get(gauge("nobat_floor_calls_per_minute", "residence"))).isEqualTo(1 / 15.0);

        // Axon's meters and the processors' lag are there too
        String text = get(admin, "/actuator/prometheus").body();
        assertThat(text)
                .contains("commandBus_successTimer_seconds_count{payloadType=\"RegisterWalkIn\"}")
                .contains("eventProcessor_latency{processorName=\"floor-board\"}")
                .contains("nobat_event_processor_lag_events{processor=\"floor-board\"}");
        // the labels name centres and services, never a visit, a ticket or a tracking token
        assertThat(secrets).allSatisfy(secret -> assertThat(text).doesNotContain(secret));

        Answer refused = get(anonymous, "/actuator/prometheus");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("\"type\":\"https://nobat.app/problems/unauthenticated\"");
        Answer forbidden = get(desk, "/actuator/prometheus");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"type\":\"https://nobat.app/problems/forbidden\"");
        assertThat(get(admin, "/actuator/info").body()).contains("\"build\"", "\"version\"");
        assertThat(get(anonymous, "/actuator/metrics").status()).isEqualTo(401);
        assertThat(get(desk, "/actuator/info").status()).isEqualTo(403);
    }

    /** The image's health check against this application: its exit code. */
    int dockerHealthCheck() {
        try {
            ProcessBuilder check = new ProcessBuilder("bash", "docker/healthcheck.sh").redirectErrorStream(true);
            check.environment().put("PORT", Integer.toString(port));
            Process process = check.start();
            String said = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(said).isTrue();
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String body) {}

    static Answer get(WebTestClient client, String path) {
        EntityExchangeResult<String> result =
                client.get().uri(path).exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> details(String path) {
        return admin.get()
                .uri(path)
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static String status(Map<String, Object> components, String name) {
        return (String) ((Map<String, Object>) components.get(name)).get("status");
    }

    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    /** The Prometheus text as administrator: each sample by its name and labels. */
    Map<String, Double> scrape() {
        Answer answer = get(admin, "/actuator/prometheus");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : answer.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    static String gauge(String name, String service) {
        return name + "{centre=\"" + C + "\",service=\"" + service + "\"}";
    }

    /** Waits for what follows asynchronously (a store coming back, processors retrying, gauges refreshing). */
    static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        assertThat(done.test(value)).as("eventually: %s", value).isTrue();
        return value;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
