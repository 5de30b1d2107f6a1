package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.it.Api;
import app.nobat.it.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * A withdrawn credential stops working everywhere at once: disabling a staff account or changing
 * its password (or role) ends its signed-in sessions, and revoking a device or disabling an account
 * ends the live streams they hold open. (The test client itself is the demo administrator.)
 */
@IntegrationTest
class CredentialsWithdrawnIT {

    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    @Autowired
    DeviceTokens devices;

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    /** A client without the administrator's credentials. */
    WebTestClient visitor() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    void createDesk(String username, String password) {
        admin.post()
                .uri("/api/admin/staff")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "role", "DESK"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    void change(String username, Map<String, Object> change) {
        admin.put()
                .uri("/api/admin/staff/" + username)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();
    }

    String signIn(String username, String password) {
        return visitor()
                .post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=" + username + "&password=" + password)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("SESSION")
                .getValue();
    }

    WebTestClient.ResponseSpec queues(String session) {
        return visitor()
                .get()
                .uri("/api/centres/persian-gulf/queues")
                .cookie("SESSION", session)
                .exchange();
    }

    static void refused(WebTestClient.ResponseSpec answer) {
        answer.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/unauthenticated");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() {
        createDesk("desk.disabled", "a long pass phrase one");
        String first = signIn("desk.disabled", "a long pass phrase one");
        String second = signIn("desk.disabled", "a long pass phrase one");
        queues(first).expectStatus().isOk();
        queues(second).expectStatus().isOk();

        change("desk.disabled", Map.of("disabled", true));
        refused(queues(first));
        refused(queues(second));

        // enabled again, the account signs in afresh; the old sessions stay ended
        change("desk.disabled", Map.of("disabled", false));
        refused(queues(first));
        queues(signIn("desk.disabled", "a long pass phrase one")).expectStatus().isOk();
    }

    @Test
    void aNewPasswordEndsTheSessionsOpenedWithTheOldOne() {
        createDesk("desk.password", "a long pass phrase two");
        String session = signIn("desk.password", "a long pass phrase two");
        queues(session).expectStatus().isOk();

        change("desk.password", Map.of("password", "another long phrase"));
        refused(queues(session));
        queues(signIn("desk.password", "another long phrase")).expectStatus().isOk();
    }

    @Test
    void aNewRoleEndsTheSessionsOfTheOldOne() {
        createDesk("desk.role", "a long pass phrase six");
        String session = signIn("desk.role", "a long pass phrase six");
        queues(session).expectStatus().isOk();
        change("desk.role", Map.of("role", "SUPERVISOR"));
        refused(queues(session));
    }

    @Test
    void anUnchangedAccountKeepsItsSessions() {
        createDesk("desk.kept", "a long pass phrase ten");
        String session = signIn("desk.kept", "a long pass phrase ten");
        change("desk.kept", Map.of("disabled", false));
        queues(session).expectStatus().isOk();
    }

    record Followed(
            List<ServerSentEvent<Map<String, Object>>> events,
            CompletableFuture<Void> ended,
            Disposable subscription) {}

    Followed follow(WebClient.RequestHeadersSpec<?> request) {
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Flux<ServerSentEvent<Map<String, Object>>> stream =
                request.accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE);
        Disposable subscription =
                stream.subscribe(events::add, ended::completeExceptionally, () -> ended.complete(null));
        Api.eventually(events::size, n -> n > 0);
        assertThat(events.get(0).event()).isEqualTo("snapshot");
        return new Followed(events, ended, subscription);
    }

    WebClient.RequestHeadersSpec<?> displayStream(String authorization) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/centres/persian-gulf/display/stream")
                .header("Authorization", authorization);
    }

    /** Whether the stream ends within the time; how long it took, in milliseconds. */
    static long endsWithin(Followed followed, Duration time) throws Exception {
        long start = System.nanoTime();
        followed.ended().get(time.toMillis(), TimeUnit.MILLISECONDS);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void revokingADeviceEndsItsOpenStreamAtOnceAndNoOtherOne() throws Exception {
        String token = admin.post()
                .uri("/api/admin/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("deviceId", "display-hall-9", "kind", "DISPLAY", "centreId", "persian-gulf"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .toString();
        Followed revoked = follow(displayStream("Device " + token));
        Followed other = follow(displayStream("Device demo-display-token"));
        Thread.sleep(1500); // heartbeats (every second here) keep both open
        assertThat(revoked.ended()).isNotDone();

        admin.delete()
                .uri("/api/admin/devices/display-hall-9")
                .exchange()
                .expectStatus()
                .isOk();
        long took = endsWithin(revoked, Duration.ofSeconds(3));
        System.out.printf("A revoked display's stream ended %d ms after the revocation%n", took);
        Thread.sleep(1500);
        assertThat(other.ended()).as("another display's stream").isNotDone();
        other.subscription().dispose();
        visitor()
                .get()
                .uri("/api/centres/persian-gulf/display?device_token=" + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/bad-device-token");
    }

    @Test
    void aDeviceRevokedThroughAnotherNodeLosesItsStreamAtTheNextCheck() throws Exception {
        String token = devices.issue("display-hall-10", DeviceKind.DISPLAY, "persian-gulf", Instant.now());
        Followed followed = follow(displayStream("Device " + token));
        devices.revoke("display-hall-10"); // straight in the shared store: this node is not told
        long took = endsWithin(followed, Duration.ofSeconds(6));
        System.out.printf("A display revoked elsewhere lost its stream after %d ms%n", took);
    }

    @Test
    void disablingAnAccountEndsItsOpenStreams() throws Exception {
        createDesk("desk.streaming", "a long pass phrase five");
        String session = signIn("desk.streaming", "a long pass phrase five");
        Followed bySession = follow(WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/centres/persian-gulf/display/stream")
                .cookie("SESSION", session));
        Followed byPassword = follow(displayStream(AccessRulesIT.basic("desk.streaming", "a long pass phrase five")));

        change("desk.streaming", Map.of("disabled", true));
        endsWithin(bySession, Duration.ofSeconds(3));
        endsWithin(byPassword, Duration.ofSeconds(3));
    }
}
