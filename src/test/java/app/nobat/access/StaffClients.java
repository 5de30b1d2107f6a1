package app.nobat.access;

import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The access tests' clients: a staff member signed in with a password, and a JSON post expecting a status. */
final class StaffClients {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private StaffClients() {}

    static WebTestClient as(WebTestClient base, String user, String password) {
        return base.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .build();
    }

    static Map<String, Object> post(WebTestClient client, String path, Object body, HttpStatus expected) {
        return client.post()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }
}
