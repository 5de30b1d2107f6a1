package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Staff passwords of any length sign in (no bcrypt 72-byte limit), the password policy refuses
 * with a code per rule, and failed sign-ins are throttled per account and per address. The
 * address limit is tested last: it leaves this client unable to sign in for a window.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nobat.mongo.data-dir=target/test-data/sign-in-${random.uuid}",
            "nobat.floor.closing.enabled=false",
            "nobat.booking.sweep.enabled=false",
            "nobat.sign-in.failures-per-account=3",
            "nobat.sign-in.failures-per-address=8",
            "nobat.sign-in.window=PT4S"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInIT {

    /** 37 Persian letters: 74 bytes of UTF-8, past bcrypt's 72. */
    static final String PERSIAN = "کاروانسرایبزرگدرکنارجادهابریشمبودهاست";

    static final String LONGEST = "x7-".repeat(66) + "yz";

    @Autowired
    WebTestClient http;

    @Autowired
    StaffAccounts accounts;

    WebTestClient.ResponseSpec basic(String user, String password) {
        return http.get()
                .uri("/api/me")
                .headers(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8))
                .exchange();
    }

    WebTestClient.ResponseSpec form(String user, String password) {
        return http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", user).with("password", password))
                .exchange();
    }

    WebTestClient.ResponseSpec createStaff(String user, String password) {
        Map<String, Object> body = new HashMap<>(Map.of("username", user, "role", "DESK"));
        body.put("password", password);
        return http.post()
                .uri("/api/admin/staff")
                .headers(h -> h.setBasicAuth("demo-admin", "demo-admin-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    @Order(1)
    void aPersianPassphraseAndTwoHundredCharactersSignIn() {
        assertThat(PERSIAN.getBytes(StandardCharsets.UTF_8)).hasSize(74);
        createStaff("desk.parisa", PERSIAN).expectStatus().isCreated();
        basic("desk.parisa", PERSIAN)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("desk.parisa");
        form("desk.parisa", PERSIAN).expectStatus().isOk();
        basic("desk.parisa", PERSIAN.substring(1)).expectStatus().isUnauthorized();

        assertThat(LONGEST).hasSize(200);
        createStaff("desk.longest", LONGEST).expectStatus().isCreated();
        basic("desk.longest", LONGEST).expectStatus().isOk();
        form("desk.longest", LONGEST).expectStatus().isOk();
        assertThat(accounts.find("desk.longest").orElseThrow().passwordHash())
                .startsWith("{pbkdf2@SpringSecurity_v5_8}");
    }

    @Test
    @Order(2)
    void anOldBcryptHashSignsInAndIsUpgraded() {
        accounts.save(new StaffAccounts.Account(
                "desk.bcrypt",
                "{bcrypt}" + new BCryptPasswordEncoder().encode("amber lantern ferry"),
                StaffRole.DESK,
                false));
        basic("desk.bcrypt", "amber lantern ferry").expectStatus().isOk();
        assertThat(accounts.find("desk.bcrypt").orElseThrow().passwordHash())
                .startsWith("{pbkdf2@SpringSecurity_v5_8}");
        basic("desk.bcrypt", "amber lantern ferry").expectStatus().isOk();
    }

    @Test
    @Order(3)
    void thePasswordPolicyRefusesWithACodePerRule() {
        Map<String, String> refusals = Map.of(
                "short pass",
                "password-too-short",
                "x".repeat(201),
                "password-too-long",
                "I am desk.rezaei at work",
                "password-contains-username",
                "Password1234",
                "password-too-common",
                "000000000000",
                "password-too-common");
        refusals.forEach((password, code) -> createStaff("desk.rezaei", password)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/" + code)
                .jsonPath("$.field")
                .isEqualTo("password"));
        createStaff("desk.rezaei", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/password-required");
        http.put()
                .uri("/api/admin/staff/desk.parisa")
                .headers(h -> h.setBasicAuth("demo-admin", "demo-admin-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "desk.parisa's own"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/password-contains-username");
        assertThat(accounts.find("desk.rezaei")).isEmpty();
    }

    @Test
    @Order(4)
    void wrongPasswordsForOneAccountLockItForAWindowEvenWithTheRightOne() throws InterruptedException {
        createStaff("desk.locked", "amber lantern ferry").expectStatus().isCreated();
        form("desk.locked", "wrong one").expectStatus().isUnauthorized();
        basic("desk.locked", "wrong two").expectStatus().isUnauthorized();
        form("desk.locked", "wrong three").expectStatus().isUnauthorized();
        var refused = form("desk.locked", "amber lantern ferry")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 4))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/too-many-sign-in-failures")
                .returnResult();
        basic("desk.locked", "amber lantern ferry").expectStatus().isEqualTo(429);
        // other accounts from the same address still sign in
        basic("desk.parisa", PERSIAN).expectStatus().isOk();

        int wait = Integer.parseInt(refused.getResponseHeaders().getFirst("Retry-After"));
        Thread.sleep(Duration.ofSeconds(wait).plusMillis(200).toMillis());
        basic("desk.locked", "amber lantern ferry").expectStatus().isOk();
    }

    @Test
    @Order(5)
    void wrongPasswordsOverManyUserNamesFromOneAddressAreRefused() {
        int attempts = 0;
        int status = 401;
        // each name fails once (under its own limit of 3); the address's 8 run out
        while (status == 401 && attempts < 20) {
            status = form("guess-" + attempts, "wrong password")
                    .returnResult(Void.class)
                    .getStatus()
                    .value();
            attempts++;
        }
        assertThat(status).as("after %d names", attempts).isEqualTo(429);
        assertThat(attempts).isLessThanOrEqualTo(17);
        basic("desk.parisa", PERSIAN)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://nobat.app/problems/too-many-sign-in-failures");
    }
}
