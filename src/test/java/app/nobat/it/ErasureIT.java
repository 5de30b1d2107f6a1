package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.NobatApplication;
import app.nobat.booking.appointments.AppointmentSweeps;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Erasure holds for whoever later holds the files: after an erasure by the visitor, a retention
 * sweep and a booking undone, the raw bytes of every file the application wrote (the embedded
 * store's file and the key store), after a clean shutdown and again after a restart, hold neither
 * the identity number nor the phone — nor any booking code, which is a bearer secret.
 */
class ErasureIT {

    static final String C = "it-booking";

    final Path dataDir = Path.of("target/test-data/erasure-" + UUID.randomUUID());
    final Path keyDir = Path.of(dataDir + "-keys");

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NobatApplication.class)
                // registered before the configuration is read, so that it replaces the application's clock
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("testClock", Clock.class, () -> new MutableClock(BookingIntegrationTest.START)))
                .run(
                        "--server.port=0",
                        "--nobat.mongo.data-dir=" + dataDir,
                        "--nobat.privacy.key-dir=" + keyDir,
                        "--nobat.seed.centres=classpath*:centres/*.yml,classpath*:test-centres/*.yml",
                        "--nobat.seed.calendars=classpath*:calendars/*.yml,classpath*:test-calendars/*.yml",
                        "--nobat.floor.closing.enabled=false",
                        "--nobat.booking.sweep.enabled=false",
                        "--nobat.rate-limit.booking-changes-per-minute=1000000",
                        "--nobat.rate-limit.public-reads-per-minute=1000000");
    }

    static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }

    @Test
    void erasedSweptAndUndonePersonalDataAndEveryCodeAreUnreadableInTheFilesBeforeAndAfterARestart() {
        String erasedNumber = "61829374650";
        String erasedPhone = "9351118642";
        String sweptNumber = "52738194061";
        String sweptPhone = "9362229753";
        String undonePhone = "9373330864";
        String code;
        String sweptCode;
        String visitorRef;
        try (ConfigurableApplicationContext app = start()) {
            Clock clock = app.getBean(Clock.class);
            ((MutableClock) clock).set(BookingIntegrationTest.START);
            Api api = api(app);

            code = (String) api.post(
                            "/api/appointments",
                            Api.bookRequest(
                                    C,
                                    "permit",
                                    "2026-12-20",
                                    "10:00",
                                    "AMAYESH",
                                    erasedNumber,
                                    "0" + erasedPhone,
                                    "fa-AF"),
                            201)
                    .get("code");
            sweptCode = (String) api.post(
                            "/api/appointments",
                            Api.bookRequest(
                                    C, "permit", "2026-12-22", "08:00", "AMAYESH", sweptNumber, "0" + sweptPhone, "fa"),
                            201)
                    .get("code");
            // the same identity again: its personal data is written, then undone when the claim refuses
            api.post(
                    "/api/appointments",
                    Api.bookRequest(
                            C, "permit", "2026-12-23", "08:00", "AMAYESH", sweptNumber, "0" + undonePhone, "fa"),
                    409);

            assertThat(api.get("/api/appointments/" + code, 200)).containsEntry("phone", "***642");
            assertThat(api.http
                            .delete()
                            .uri("/api/appointments/" + code + "/personal-data")
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(Map.class)
                            .returnResult()
                            .getResponseBody())
                    .containsEntry("erased", true);
            assertThat(api.get("/api/appointments/" + code, 200)).containsEntry("phone", null);

            assertThat(api.get("/api/appointments/" + sweptCode, 200)).containsEntry("phone", "***753");
            ((MutableClock) clock).set(Instant.parse("2026-12-22T04:30:00Z").plus(Duration.ofDays(31)));
            app.getBean(AppointmentSweeps.class).sweep();
            assertThat(api.get("/api/appointments/" + sweptCode, 200)).containsEntry("phone", null);
            visitorRef = app
                    .getBean(MongoDatabase.class)
                    .getCollection("domainevents")
                    .find()
                    .map(d -> d.toJson())
                    .into(new ArrayList<>())
                    .stream()
                    .filter(d -> d.contains("AppointmentBooked"))
                    .map(ErasureIT::visitorRefIn)
                    .findFirst()
                    .orElseThrow();
        }

        List<String> secrets = List.of(
                erasedNumber,
                erasedPhone,
                sweptNumber,
                sweptPhone,
                undonePhone,
                code,
                sweptCode,
                code.replace("-", ""),
                sweptCode.replace("-", ""));
        assertThat(filesContaining(visitorRef))
                .as("the scan reads the store's file: it finds a visitor reference")
                .isNotEmpty();
        for (String secret : secrets) {
            assertThat(filesContaining(secret))
                    .as("files holding %s after a clean shutdown", secret)
                    .isEmpty();
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            assertThat(api.get("/api/appointments/" + code, 200))
                    .containsEntry("status", "BOOKED")
                    .containsEntry("phone", null);
        }
        for (String secret : secrets) {
            assertThat(filesContaining(secret))
                    .as("files holding %s after a restart", secret)
                    .isEmpty();
        }
    }

    private static String visitorRefIn(String eventJson) {
        int at = eventJson.indexOf("visitorRef");
        String rest = eventJson.substring(at + "visitorRef".length()).replaceAll("^[\\\\\":\\s]+", "");
        return rest.substring(0, 12);
    }

    /** Files under the data and key directories whose raw bytes hold {@code value} in UTF-8 or UTF-16. */
    private List<Path> filesContaining(String value) {
        List<byte[]> needles = List.of(
                value.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_16LE),
                value.getBytes(StandardCharsets.UTF_16BE));
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(dataDir, keyDir)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (needles.stream().anyMatch(n -> indexOf(bytes, n) >= 0)) {
                        found.add(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
