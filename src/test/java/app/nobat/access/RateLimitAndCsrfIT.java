package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import reactor.netty.http.client.HttpClient;

/** Open endpoints are limited per client (429 with Retry-After); cookie sessions need the CSRF token to change anything. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nobat.mongo.data-dir=target/test-data/limits-${random.uuid}",
            "nobat.floor.closing.enabled=false",
            "nobat.booking.sweep.enabled=false",
            "nobat.rate-limit.booking-changes-per-minute=3",
            "nobat.rate-limit.public-reads-per-minute=5",
            // the sign-in throttle has its own test (SignInIT); here wrong passwords must meet the visitor limits
            "nobat.sign-in.failures-per-account=1000000",
            "nobat.sign-in.failures-per-address=1000000"
        })
class RateLimitAndCsrfIT {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    /** A client of its own loopback address, so that its budget is its own and not the other tests'. */
    WebTestClient from(String address) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(
                        HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0))))
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** The probe: any Authorization header switched the limits off and still went through as anonymous. */
    @Test
    void anAuthorizationHeaderIsNoExemptionUnlessItAuthenticates() {
        WebTestClient client = from("127.0.0.2");
        List<String> refused = List.of(
                "x",
                "Bearer foo",
                "Basic",
                "Basic ",
                "Device",
                "Basic !!!not-base64",
                basic("demo-admin", "wrong-password"),
                basic("no-such-user", "whatever-it-is"),
                "Device no-such-token",
                "Digest username=\"demo-admin\"");
        for (String authorization : refused) {
            for (int i = 0; i < 8; i++) { // more than the whole budget of reads (5) and of changes (3)
                refusedOrLimited(
                        authorization,
                        client.get()
                                .uri("/api/appointments/ZZZZ-ZZZZ")
                                .header("Authorization", authorization)
                                .exchange());
                refusedOrLimited(
                        authorization,
                        client.post()
                                .uri("/api/appointments")
                                .header("Authorization", authorization)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{}")
                                .exchange());
            }
        }
        // two headers, one good: still refused, no header passes for another (from an address whose
        // failed sign-ins above have not had it throttled)
        from("127.0.0.4")
                .get()
                .uri("/api/appointments/ZZZZ-ZZZZ")
                .header("Authorization", basic("demo-admin", "demo-admin-pass"), "x")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        // a session cookie that opens no session is an anonymous visitor, limited like one
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(client.get()
                    .uri("/api/appointments/ZZZZ-ZZZZ")
                    .cookie("SESSION", "no-such-session")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        assertThat(statuses).containsExactly(404, 404, 404, 404, 404, 429, 429, 429);
        assertThat(client.get()
                        .uri("/api/track/nope")
                        .header("Authorization", "Device no-such-token")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .isEqualTo(401);
        client.get()
                .uri("/api/track/nope?device_token=nope")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /** 401 for a credential that does not authenticate (or 429 once failures are throttled), as a problem. */
    static void refusedOrLimited(String authorization, WebTestClient.ResponseSpec answer) {
        var result = answer.expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(authorization).isIn(401, 429);
        assertThat(result.getResponseHeaders().getContentType())
                .as(authorization)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody()).as(authorization).contains("\"type\":\"https://nobat.app/problems/");
    }

    @Test
    void leavingTheQueueIsChargedAsAVisitorsChange() {
        WebTestClient client = from("127.0.0.9");
        // three changes a minute for a visitor without a credential, then 429: a token cannot be guessed by leaving
        for (int i = 0; i < 3; i++) {
            client.post()
                    .uri("/api/track/AAAAAAAAAAAAAAAAAAAAAA/leave")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        client.post()
                .uri("/api/track/AAAAAAAAAAAAAAAAAAAAAA/leave")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
    }

    @Test
    void onlyCredentialsThatAuthenticateAreExempt() {
        WebTestClient client = from("127.0.0.3");
        for (int i = 0; i < 8; i++) {
            client.get()
                    .uri("/api/appointments/ZZZZ-ZZZZ")
                    .header("Authorization", basic("demo-desk", "demo-desk-pass"))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            client.get()
                    .uri("/api/track/nope")
                    .header("Authorization", "Device demo-kiosk-token")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        String session = client.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-desk&password=demo-desk-pass")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("SESSION")
                .getValue();
        for (int i = 0; i < 8; i++) {
            client.get()
                    .uri("/api/track/nope")
                    .cookie("SESSION", session)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        // the same address without a credential has its own visitor's budget
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/track/nope").exchange().expectStatus().isNotFound();
        }
        client.get().uri("/api/track/nope").exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void aClientOverItsBudgetIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            http.get()
                    .uri("/api/appointments/ZZZZ-ZZZZ")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            http.post()
                    .uri("/api/appointments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        http.post()
                .uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 60))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/too-many-requests");
        for (int i = 0; i < 2; i++) {
            http.get().uri("/api/track/nope").exchange().expectStatus().isNotFound();
        }
        http.get().uri("/api/track/nope").exchange().expectStatus().isEqualTo(429);
        // signed-in staff are not limited by the visitors' budget
        http.get().uri("/api/centres").exchange().expectStatus().isOk();
    }

    @Test
    void aCookieSessionChangesNothingWithoutTheCsrfToken() {
        var login = http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-admin&password=demo-admin-pass")
                .exchange()
                .returnResult(String.class);
        MultiValueMap<String, ResponseCookie> cookies = login.getResponseCookies();
        assertThat(cookies).containsKey("SESSION");
        String session = cookies.getFirst("SESSION").getValue();

        // a page's GET hands out the token in a cookie
        var page = http.get()
                .uri("/api/centres/persian-gulf/queues")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        String csrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();

        http.post()
                .uri("/api/centres/persian-gulf/desks/desk-2/open")
                .cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/csrf-token");
        http.post()
                .uri("/api/centres/persian-gulf/desks/desk-2/open")
                .cookie("SESSION", session)
                .cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", "not-" + csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/csrf-token");
        http.post()
                .uri("/api/centres/persian-gulf/desks/desk-2/open")
                .cookie("SESSION", session)
                .cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void staffPagesSignInAndOutWithAnswersNotRedirects() {
        http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-desk&password=wrong")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/sign-in-failed")
                .jsonPath("$.detail")
                .isEqualTo("Wrong username or password");

        var login = http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-desk&password=demo-desk-pass")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("demo-desk")
                .jsonPath("$.role")
                .isEqualTo("DESK")
                .returnResult();
        String session = login.getResponseCookies().getFirst("SESSION").getValue();
        http.get()
                .uri("/api/me")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("demo-desk")
                .jsonPath("$.role")
                .isEqualTo("DESK");

        String csrf = http.get()
                .uri("/api/me")
                .cookie("SESSION", session)
                .exchange()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("XSRF-TOKEN")
                .getValue();
        http.post()
                .uri("/logout")
                .cookie("SESSION", session)
                .cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf)
                .exchange()
                .expectStatus()
                .isNoContent();
        http.get()
                .uri("/api/me")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
