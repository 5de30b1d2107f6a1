package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The packaged application (the jar users run) in a process of its own, to be killed or run twice;
 * with the test centres besides the demo centre. Its log, and its embedded store when it has one,
 * are under its data directory.
 */
final class AppProcess {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    final int port = freePort();
    final WebClient client = WebClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeaders(h -> h.setBasicAuth(AsAdministrator.USER, AsAdministrator.PASSWORD))
            .build();
    final Path dataDir;
    private final Path logDir;
    private Process process;

    AppProcess(Path dataDir) {
        this.dataDir = dataDir;
        this.logDir = dataDir;
    }

    /** A fresh directory for one test's store and logs. */
    static Path newDataDir(String name) {
        return Path.of("target/test-data/" + name + "-" + UUID.randomUUID());
    }

    /** Starts on an embedded store of its own in the data directory (again on a restart). */
    AppProcess startOnOwnStore(String name, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--nobat.mongo.data-dir=" + dataDir));
        all.addAll(List.of(args));
        return start(name, all.toArray(String[]::new));
    }

    /** Starts and waits until the API answers; {@code args} are Spring properties, e.g. {@code --a=b}. */
    AppProcess start(String name, String... args) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                packagedJar().toString(),
                "--server.port=" + port,
                "--nobat.seed.centres=classpath*:centres/*.yml,file:src/test/resources/test-centres/*.yml",
                "--nobat.seed.calendars=classpath*:calendars/*.yml,file:src/test/resources/test-calendars/*.yml",
                "--nobat.floor.closing.enabled=false",
                "--nobat.rate-limit.booking-changes-per-minute=1000000"));
        command.addAll(List.of(args));
        File log = logDir.resolve(name + ".log").toFile();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        awaitReady();
        return this;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive())
                    .as("the application exited; see its log in " + logDir)
                    .isTrue();
            try {
                // the last test centre seeded, once the catalog shows it
                var r = client.get()
                        .uri("/api/centres/it-stream")
                        .exchangeToMono(x -> x.toBodilessEntity())
                        .block(Duration.ofSeconds(5));
                if (r != null && r.getStatusCode().value() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not become ready; see its log in " + logDir);
    }

    ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return client.post()
                .uri(path)
                .bodyValue(body)
                .exchangeToMono(r -> r.toEntity(JSON))
                .block(Duration.ofSeconds(30));
    }

    ResponseEntity<Map<String, Object>> get(String path) {
        return client.get().uri(path).exchangeToMono(r -> r.toEntity(JSON)).block(Duration.ofSeconds(30));
    }

    /** SIGKILL: no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A graceful stop (SIGTERM), after which its store file may be opened elsewhere. */
    void stop() throws InterruptedException {
        if (isRunning()) {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    static Path packagedJar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("nobat-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target/: run ./mvnw verify"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
