package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Visitors' messages through the HTTP gateway to a provider stubbed here that never answers: the
 * booking is answered all the same, the message ends unknown at the gateway's timeout (never
 * resent), a visitor erased meanwhile gets nothing, and supervisors see the counts.
 */
@BookingIntegrationTest
@TestPropertySource(
        properties = {
            "nobat.notifications.gateway=http",
            "nobat.notifications.send-timeout=2s",
            "nobat.notifications.poll-every=200ms",
            "nobat.notifications.http.content-type=application/json",
            "nobat.notifications.http.body={\"to\":\"{to}\",\"text\":\"{text}\"}",
            "nobat.notifications.http.headers.X-Api-Key=from-the-environment"
        })
class NotificationsIT {

    static final String C = "it-booking";
    static final List<String> bodies = new CopyOnWriteArrayList<>();
    static final CountDownLatch released = new CountDownLatch(1);
    static final HttpServer provider = provider();

    static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                try {
                    released.await(60, TimeUnit.SECONDS); // a provider that hangs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void providerUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "nobat.notifications.http.url",
                () -> "http://127.0.0.1:" + provider.getAddress().getPort() + "/sms");
    }

    @AfterAll
    static void stopProvider() {
        released.countDown();
        provider.stop(0);
    }

    @Autowired
    WebTestClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    static Map<String, Object> booking(String date, String slot, String identity, String phone) {
        return Api.bookRequest(C, "docs", date, slot, "FOREIGN_NATIONAL_ID", identity, phone, "fa");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHangingGatewayHoldsUpNoCommandAndAnErasedVisitorGetsNothing() {
        // answered although the provider will not answer the message it is owed
        String first = (String)
                api.post("/api/appointments", booking("2026-12-20", "08:00", "300000000001", "0912 111 2233"), 201)
                        .get("code");
        Api.eventually(() -> bodies.size(), n -> n == 1);
        assertThat(bodies.get(0)).contains("+989121112233", first.substring(0, 4) + " " + first.substring(5));

        // while the sender waits on the provider: another booking, answered, and its data erased
        String second = (String)
                api.post("/api/appointments", booking("2026-12-20", "08:30", "300000000002", "0912 444 5566"), 201)
                        .get("code");
        http.delete()
                .uri("/api/appointments/" + second + "/personal-data")
                .exchange()
                .expectStatus()
                .is2xxSuccessful();

        Map<String, Object> counts = Api.eventually(
                () -> api.get("/api/centres/" + C + "/notifications", 200),
                c -> ((Map<String, Object>) c.get("counts")).get("NO_CONTACT").equals(1));
        assertThat((Map<String, Object>) counts.get("counts"))
                .as("the timed-out one is unknown, never resent")
                .containsEntry("UNKNOWN", 1)
                .containsEntry("SENT", 0)
                .containsEntry("NO_CONTACT", 1);
        assertThat(counts).containsEntry("gateway", "http");
        assertThat(bodies).hasSize(1);
        assertThat(String.join("", bodies)).doesNotContain("4445566");
    }

    @Test
    @SuppressWarnings("unchecked")
    void administratorsEditAMessageTextAndGoBackToTheDefault() {
        Map<String, Object> all = api.get("/api/admin/notification-templates", 200);
        assertThat((List<Object>) all.get("templates")).hasSize(20);

        Map<String, Object> saved = api.put(
                "/api/admin/notification-templates/ps/turn-near",
                Map.of("text", "{ticket}: ستاسو نوبت نږدې دی ({position})"),
                200);
        assertThat(saved).containsEntry("custom", true);

        assertThat(api.put("/api/admin/notification-templates/ps/turn-near", Map.of("text", "{code}"), 400))
                .as("a placeholder this kind does not have")
                .containsEntry("code", "unknown-placeholder")
                .containsEntry("field", "/text")
                .containsEntry("placeholder", "{code}")
                .containsEntry("allowed", "{centre} {ticket} {position}");
        assertThat(api.put("/api/admin/notification-templates/fa/booked", Map.of("text", "نوبت {date} {time}"), 400))
                .as("a booking text without the code the visitor needs")
                .containsEntry("code", "code-placeholder-required")
                .containsEntry("placeholder", "{code}");
        for (String odd : List.of("{ticket} \u0000", "{ticket} \ud800", "\u202e{ticket}")) {
            assertThat(api.put("/api/admin/notification-templates/en/turn-near", Map.of("text", odd), 400))
                    .as("a control character, half a surrogate pair or a bidi override")
                    .containsEntry("code", "out-of-range");
        }
        assertThat(api.put("/api/admin/notification-templates/xx/turn-near", Map.of("text", "hi"), 400))
                .containsEntry("code", "unknown-language");

        Map<String, Object> reset = http.delete()
                .uri("/api/admin/notification-templates/ps/turn-near")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(reset).containsEntry("custom", false).containsEntry("text", reset.get("defaultText"));
    }
}
