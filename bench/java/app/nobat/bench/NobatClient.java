package app.nobat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The application's HTTP API as its clients use it: a kiosk with its device token, a desk console
 * with a signed-in session (cookie and CSRF token, as the desk and admin pages send them). Every
 * answer carries when it was sent and answered.
 */
final class NobatClient {

    /** One HTTP answer: its status, its JSON body (missing when not JSON) and its two instants. */
    record Answer(int status, JsonNode body, long sentNanos, long answeredNanos) {
        boolean ok() {
            return status / 100 == 2;
        }

        double millis() {
            return (answeredNanos - sentNanos) / 1e6;
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    static final String ADMIN = "demo-admin";
    static final String ADMIN_PASSWORD = "demo-admin-pass";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient web;
    private String session;
    private String csrf;

    NobatClient(String baseUrl, int connections) {
        ConnectionProvider pool = pool("bench-commands", connections);
        this.web = WebClient.builder()
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** Form sign-in as the desk page does it; later desk commands carry the session and its CSRF token. */
    void signIn(String username, String password) {
        session = web.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=" + username + "&password=" + password)
                .exchangeToMono(r -> r.releaseBody()
                        .thenReturn(r.cookies().getFirst("SESSION").getValue()))
                .block(Duration.ofSeconds(30));
        csrf = web.get()
                .uri("/api/me")
                .cookie("SESSION", session)
                .exchangeToMono(r -> r.releaseBody()
                        .thenReturn(r.cookies().getFirst("XSRF-TOKEN").getValue()))
                .block(Duration.ofSeconds(30));
    }

    /** Connections for many requests or streams at once: every one waits for its turn, however many wait. */
    static ConnectionProvider pool(String name, int connections) {
        return ConnectionProvider.builder(name)
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .build();
    }

    static Consumer<HttpHeaders> device(String token) {
        return h -> h.set(HttpHeaders.AUTHORIZATION, "Device " + token);
    }

    private Consumer<HttpHeaders> signedIn() {
        return h -> {
            h.add(HttpHeaders.COOKIE, "SESSION=" + session + "; XSRF-TOKEN=" + csrf);
            h.set("X-XSRF-TOKEN", csrf);
        };
    }

    Mono<Answer> send(HttpMethod method, String path, Object body, Consumer<HttpHeaders> auth) {
        return Mono.defer(() -> {
            long sent = System.nanoTime();
            WebClient.RequestBodySpec request = web.method(method).uri(path).headers(auth);
            WebClient.RequestHeadersSpec<?> withBody = body == null
                    ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            return withBody.exchangeToMono(r -> r.bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .map(text -> new Answer(r.statusCode().value(), parse(text), sent, System.nanoTime())));
        });
    }

    private static JsonNode parse(String text) {
        try {
            return text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** A device token for a kiosk or display of a centre, issued by the administrator. */
    String issueDevice(String deviceId, String kind, String centreId) {
        Answer issued = send(
                        HttpMethod.POST,
                        "/api/admin/devices",
                        Map.of("deviceId", deviceId, "kind", kind, "centreId", centreId),
                        signedIn())
                .block(Duration.ofSeconds(30));
        require(issued, "issue device " + deviceId);
        return issued.text("token");
    }

    Mono<Answer> arrive(String centreId, String serviceCode, String kioskToken, String requestId) {
        return send(
                HttpMethod.POST,
                "/api/centres/" + centreId + "/visits",
                Map.of("serviceCode", serviceCode, "requestId", requestId),
                device(kioskToken));
    }

    Mono<Answer> openDesk(String centreId, String deskId) {
        return send(HttpMethod.POST, "/api/centres/" + centreId + "/desks/" + deskId + "/open", Map.of(), signedIn());
    }

    Mono<Answer> callNext(String centreId, String deskId, String requestId) {
        return send(
                HttpMethod.POST,
                "/api/centres/" + centreId + "/desks/" + deskId + "/call-next",
                Map.of("requestId", requestId),
                signedIn());
    }

    /** start, complete, …: {@code POST /api/visits/{visitId}/{action}} */
    Mono<Answer> visit(String visitId, String action) {
        return send(HttpMethod.POST, "/api/visits/" + visitId + "/" + action, null, signedIn());
    }

    Mono<Answer> book(Map<String, Object> request) {
        return send(HttpMethod.POST, "/api/appointments", request, h -> {});
    }

    Answer get(String path) {
        return send(HttpMethod.GET, path, null, h -> {}).block(Duration.ofSeconds(60));
    }

    static Answer require(Answer answer, String what) {
        if (answer == null || !answer.ok()) {
            throw new IllegalStateException(
                    what + " answered " + (answer == null ? "nothing" : answer.status() + " " + answer.body()));
        }
        return answer;
    }
}
