package app.nobat.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Open endpoints are limited per client (429 with Retry-After); cookie sessions need the CSRF token to change anything. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nobat.mongo.data-dir=target/test-data/limits-${random.uuid}",
        "nobat.floor.closing.enabled=false",
        "nobat.booking.sweep.enabled=false",
        "nobat.rate-limit.booking-changes-per-minute=3",
        "nobat.rate-limit.public-reads-per-minute=5"
})
class RateLimitAndCsrfIT {

    @Autowired
    WebTestClient http;

    @Test
    void aClientOverItsBudgetIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/appointments/ZZZZ-ZZZZ").exchange().expectStatus().isNotFound();
            http.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isBadRequest();
        }
        http.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 60))
                .expectBody().jsonPath("$.type").isEqualTo("https://nobat.app/problems/too-many-requests");
        for (int i = 0; i < 2; i++) {
            http.get().uri("/api/track/nope").exchange().expectStatus().isNotFound();
        }
        http.get().uri("/api/track/nope").exchange().expectStatus().isEqualTo(429);
        // signed-in staff are not limited by the visitors' budget
        http.get().uri("/api/centres").exchange().expectStatus().isOk();
    }

    @Test
    void aCookieSessionChangesNothingWithoutTheCsrfToken() {
        var login = http.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-admin&password=demo-admin-pass").exchange().returnResult(String.class);
        MultiValueMap<String, ResponseCookie> cookies = login.getResponseCookies();
        assertThat(cookies).containsKey("SESSION");
        String session = cookies.getFirst("SESSION").getValue();

        // a page's GET hands out the token in a cookie
        var page = http.get().uri("/api/centres/persian-gulf/queues").cookie("SESSION", session).exchange()
                .expectStatus().isOk().returnResult(String.class);
        String csrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();

        http.post().uri("/api/centres/persian-gulf/desks/desk-2/open").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isForbidden();
        http.post().uri("/api/centres/persian-gulf/desks/desk-2/open").cookie("SESSION", session)
                .cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
    }

    @Test
    void staffPagesSignInAndOutWithAnswersNotRedirects() {
        http.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-desk&password=wrong").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://nobat.app/problems/sign-in-failed")
                .jsonPath("$.detail").isEqualTo("Wrong username or password");

        var login = http.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=demo-desk&password=demo-desk-pass").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("demo-desk").jsonPath("$.role").isEqualTo("DESK")
                .returnResult();
        String session = login.getResponseCookies().getFirst("SESSION").getValue();
        http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("demo-desk").jsonPath("$.role").isEqualTo("DESK");

        String csrf = http.get().uri("/api/me").cookie("SESSION", session).exchange().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        http.post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }
}
