package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.NobatApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The production profile refuses to start while a demo credential or a default secret is configured or stored. */
class ProductionProfileTest {

    static final String KEY = "a-production-identity-key-of-forty-characters";
    static final String PUBLIC_BASE_URL = "https://nobat.example.org";
    static final String FIRST_PASSWORD = "first-admin-passphrase-2026";

    static ConfigurableApplicationContext start(String dataDir, String... args) {
        return startOnPort(dataDir, true, args);
    }

    static ConfigurableApplicationContext startOnPort(String dataDir, boolean allowEmbeddedPort, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--nobat.mongo.data-dir=" + dataDir,
                "--nobat.floor.closing.enabled=false",
                "--nobat.booking.sweep.enabled=false",
                "--nobat.mongo.embedded-allow-port=" + allowEmbeddedPort));
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--nobat.public-base-url="))) {
            all.add("--nobat.public-base-url=" + PUBLIC_BASE_URL);
        }
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(NobatApplication.class).run(all.toArray(String[]::new));
    }

    static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .build();
    }

    static WebTestClient.ResponseSpec signIn(WebTestClient http, String username, String password) {
        return http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", username).with("password", password))
                .exchange();
    }

    @Test
    void theDemoIdentityKeyIsRefusedAndNamed() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(() -> start(dir, "--spring.profiles.active=prod"))
                .hasMessageContaining("Refusing to start with the prod profile")
                .hasMessageContaining("nobat.privacy.identity-key");
    }

    @Test
    void withoutAPublicBaseUrlProductionDoesNotStart() {
        // the printed ticket's QR code would otherwise have to trust the request's Host header
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(() -> start(
                        dir,
                        "--spring.profiles.active=prod",
                        "--nobat.privacy.identity-key=" + KEY,
                        "--nobat.public-base-url="))
                .hasStackTraceContaining("NOBAT_PUBLIC_BASE_URL")
                .hasStackTraceContaining("is not set");
        assertThatThrownBy(() -> start(
                        dir,
                        "--spring.profiles.active=prod",
                        "--nobat.privacy.identity-key=" + KEY,
                        "--nobat.public-base-url=javascript:alert(1)"))
                .hasStackTraceContaining("must be an http or https address");
    }

    @Test
    void demoCredentialsConfiguredOrLeftInTheStoreAreRefused() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(
                        () -> start(dir, "--spring.profiles.active=prod,demo", "--nobat.privacy.identity-key=" + KEY))
                .hasMessageContaining("demo profile is active")
                .hasMessageContaining("demo accounts or device tokens are configured");

        // a store once run with the demo profile still holds its accounts and devices
        start(dir, "--nobat.privacy.identity-key=" + KEY).close();
        assertThatThrownBy(() -> start(dir, "--spring.profiles.active=prod", "--nobat.privacy.identity-key=" + KEY))
                .hasMessageContaining("the store holds the demo account 'demo-admin'")
                .hasMessageContaining("the store holds the demo device 'demo-kiosk-1'");
    }

    @Test
    void theEmbeddedStoresUnauthenticatedPortIsRefusedInProductionUnlessAllowed() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(() ->
                        startOnPort(dir, false, "--spring.profiles.active=prod", "--nobat.privacy.identity-key=" + KEY))
                .hasMessageContaining("Refusing to start with the prod profile")
                .hasMessageContaining("loopback port has no authentication")
                .hasMessageContaining("nobat.mongo.embedded-allow-port");
        // the demo default keeps its embedded store without any setting
        try (ConfigurableApplicationContext demo = startOnPort(dir, false, "--nobat.privacy.identity-key=" + KEY)) {
            assertThat(demo.isRunning()).isTrue();
        }
    }

    @Test
    void productionCookiesAreSecureAndSameSiteStrictHstsIsSentOverTlsAndTheApiReferenceIsOff() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = start(
                dir,
                "--spring.profiles.active=prod",
                "--nobat.privacy.identity-key=" + KEY,
                "--nobat.first-admin.username=chief",
                "--nobat.first-admin.password=" + FIRST_PASSWORD)) {
            WebTestClient http = client(app);
            // a real sign-in, as the proxy forwards it from https
            var login = http.post()
                    .uri("/login")
                    .header("X-Forwarded-Proto", "https")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("username", "chief").with("password", FIRST_PASSWORD))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueMatches("Strict-Transport-Security", "max-age=\\d+.*includeSubDomains.*")
                    .returnResult(String.class);
            ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
            assertThat(session).isNotNull();
            // the staff pages get their XSRF-TOKEN cookie with the next answer
            ResponseCookie xsrf = http.get()
                    .uri("/api/me")
                    .header("X-Forwarded-Proto", "https")
                    .cookie("SESSION", session.getValue())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseCookies()
                    .getFirst("XSRF-TOKEN");
            assertThat(session).isNotNull();
            assertThat(xsrf).isNotNull();
            assertThat(session.isSecure()).isTrue();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");
            assertThat(xsrf.isSecure()).isTrue();
            assertThat(xsrf.getSameSite()).isEqualTo("Strict");

            // HSTS only over TLS (RFC 6797): a plain-http answer has none
            http.get()
                    .uri("/api/centres")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist("Strict-Transport-Security");

            for (String path : new String[] {
                "/v3/api-docs",
                "/v3/api-docs/swagger-config",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/webjars/swagger-ui/index.html"
            }) {
                http.get()
                        .uri(path)
                        .exchange()
                        .expectStatus()
                        .value(status -> assertThat(status).as(path).isIn(401, 403, 404))
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type")
                        .value(type -> assertThat((String) type).startsWith("https://nobat.app/problems/"));
            }
            // and not for an administrator either: the reference is simply not there
            String cookie = session.getValue();
            http.get()
                    .uri("/v3/api-docs")
                    .cookie("SESSION", cookie)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(403, 404));
        }
    }

    @Test
    void theFirstAdministratorIsCreatedOnceFromTheEnvironmentAndCanSignIn() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = start(
                dir,
                "--spring.profiles.active=prod",
                "--nobat.privacy.identity-key=" + KEY,
                "--nobat.first-admin.username=chief",
                "--nobat.first-admin.password=" + FIRST_PASSWORD)) {
            WebTestClient http = client(app);
            String session = signIn(http, "chief", FIRST_PASSWORD)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.role")
                    .isEqualTo("ADMIN")
                    .returnResult()
                    .getResponseCookies()
                    .getFirst("SESSION")
                    .getValue();
            http.get()
                    .uri("/api/admin/staff")
                    .cookie("SESSION", session)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1);
        }
        // later starts leave the store's administrator as it is, whatever the variables say now
        try (ConfigurableApplicationContext app = start(
                dir,
                "--spring.profiles.active=prod",
                "--nobat.privacy.identity-key=" + KEY,
                "--nobat.first-admin.username=chief",
                "--nobat.first-admin.password=another-password-of-length")) {
            WebTestClient http = client(app);
            signIn(http, "chief", "another-password-of-length").expectStatus().isUnauthorized();
            signIn(http, "chief", FIRST_PASSWORD).expectStatus().isOk();
        }
        // a weak first password stops the start rather than leaving a guessable administrator
        String empty = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(() -> start(
                        empty,
                        "--spring.profiles.active=prod",
                        "--nobat.privacy.identity-key=" + KEY,
                        "--nobat.first-admin.username=chief",
                        "--nobat.first-admin.password=short"))
                .hasStackTraceContaining("NOBAT_FIRST_ADMIN_PASSWORD: password must have at least 12 characters");
    }

    @Test
    void aCleanProductionConfigurationStarts() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app =
                start(dir, "--spring.profiles.active=prod", "--nobat.privacy.identity-key=" + KEY)) {
            assertThat(app.isRunning()).isTrue();
            assertThat(app.getEnvironment().getActiveProfiles()).containsExactly("prod");
        }
    }
}
