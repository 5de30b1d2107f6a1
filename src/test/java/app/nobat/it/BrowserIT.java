package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The browser tests (frontend/e2e, playwright-core driving Debian's Chromium) against this
 * application on the embedded store: kiosk → display → desk → phone, booking, the desk's
 * double-click guard, the switch to Pashto, and an accessibility check of every screen. Each test
 * saves screenshots under target/browser-screenshots.
 */
@IntegrationTest
class BrowserIT {

    static final String CHROMIUM = System.getenv().getOrDefault("NOBAT_CHROMIUM", "/usr/bin/chromium");
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient admin;

    String issue(String deviceId, String kind) {
        Map<String, Object> issued = admin.post()
                .uri("/api/admin/devices")
                .bodyValue(Map.of("deviceId", deviceId, "kind", kind, "centreId", "it-screens"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return (String) issued.get("token");
    }

    void staff(String username, String role) {
        admin.post()
                .uri("/api/admin/staff")
                .bodyValue(Map.of("username", username, "password", "amber lantern ferry", "role", role))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theScreensWorkInARealBrowser() throws Exception {
        assertThat(new File(CHROMIUM))
                .as("Chromium for the browser tests (apt-get install chromium)")
                .exists();
        String kiosk = issue("e2e-kiosk", "KIOSK");
        String display = issue("e2e-display", "DISPLAY");
        staff("e2e-desk", "DESK");
        staff("e2e-desk-two", "DESK");
        staff("e2e-super", "SUPERVISOR");
        staff("e2e-keys", "DESK");
        staff("e2e-call", "DESK");
        // the kiosk says "closed" on a holiday: a national one on the day these tests run is lifted
        admin.delete()
                .uri("/api/centres/it-screens/holidays/" + LocalDate.now(ZoneId.of("Asia/Tehran")))
                .exchange();

        Path screenshots = Path.of("target", "browser-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        List<String> command =
                new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
        try (var files = Files.list(Path.of("frontend", "e2e"))) {
            // -De2e.only=journey,desk runs some of them (while working on a screen)
            List<String> only = List.of(System.getProperty("e2e.only", "").split(","));
            files.map(f -> "e2e/" + f.getFileName())
                    .filter(f -> f.endsWith(".test.mjs"))
                    .filter(f -> only.equals(List.of("")) || only.stream().anyMatch(o -> f.startsWith("e2e/" + o)))
                    .sorted()
                    .forEach(command::add);
        }
        ProcessBuilder node =
                new ProcessBuilder(command).directory(new File("frontend")).redirectErrorStream(true);
        node.environment()
                .putAll(Map.of(
                        "BASE_URL",
                        "http://localhost:" + port,
                        "CHROMIUM",
                        CHROMIUM,
                        "SCREENSHOTS",
                        screenshots.toString(),
                        "KIOSK_TOKEN",
                        kiosk,
                        "DISPLAY_TOKEN",
                        display,
                        "CENTRE",
                        "it-screens"));
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes());
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        System.out.println(output);
        assertThat(ended).as("the browser tests ended").isTrue();
        assertThat(process.exitValue()).as("browser tests:\n" + output).isZero();
        assertThat(output).contains("ℹ fail 0").containsPattern("ℹ pass [1-9]");
        try (var shots = Files.list(screenshots)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count())
                    .as("screenshots")
                    .isPositive();
        }
    }
}
