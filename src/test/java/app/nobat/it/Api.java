package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A small client of the HTTP API for the tests. */
public final class Api {

    final WebTestClient http;

    Api(WebTestClient http) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, Object body, int expectedStatus) {
        var spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        var response = (body == null ? spec : spec.bodyValue(body))
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (Map<String, Object>) response;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> put(String path, Object body, int expectedStatus) {
        return (Map<String, Object>) http.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String path, int expectedStatus) {
        return (Map<String, Object>) http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * A read that may not find its subject yet (a ticket answered a moment ago, before the
     * projections have it): the body when found, else only the status, for {@link #eventually}.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> readWhenThere(String path) {
        var result = http.get().uri(path).exchange().expectBody(Map.class).returnResult();
        Map<String, Object> body = (Map<String, Object>) result.getResponseBody();
        return result.getStatus().value() == 200 && body != null
                ? body
                : Map.of("httpStatus", result.getStatus().value());
    }

    Map<String, Object> arrive(String centre, String service, String priorityClass) {
        return post(
                "/api/centres/" + centre + "/visits",
                priorityClass == null
                        ? Map.of("serviceCode", service)
                        : Map.of("serviceCode", service, "priorityClass", priorityClass),
                201);
    }

    Map<String, Object> callNext(String centre, String desk) {
        return post(
                "/api/centres/" + centre + "/desks/" + desk + "/call-next",
                Map.of("requestId", UUID.randomUUID().toString()),
                200);
    }

    /** A booking request body (mutable, so that a test can spoil one field); {@code language} may be null. */
    static Map<String, Object> bookRequest(
            String centre,
            String service,
            String date,
            String slot,
            String identityType,
            String identityNumber,
            String phone,
            String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("centreId", centre);
        body.put("serviceCode", service);
        body.put("date", date);
        body.put("slot", slot);
        body.put("identityType", identityType);
        body.put("identityNumber", identityNumber);
        body.put("phone", phone);
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    /** Waits until the projections show what the test expects (they follow the events asynchronously). */
    public static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        assertThat(done.test(value)).as("eventually: %s", value).isTrue();
        return value;
    }
}
