package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At most once across a crash: the application is killed (SIGKILL) while the provider holds its
 * message, then restarted on the same store. The restarted one redelivers the booking's event to
 * its message processor and looks at the outbox again, and still never hands the message over a
 * second time: it ends UNKNOWN. A booking made after the restart is sent normally.
 */
class NotificationCrashProcessIT {

    static final String C = "it-booking";

    final Path dataDir = AppProcess.newDataDir("sms-crash");
    final AppProcess app = new AppProcess(dataDir);
    AppProcess restarted;

    final List<String> bodies = new CopyOnWriteArrayList<>();
    final CountDownLatch answerNone = new CountDownLatch(1);
    volatile boolean hang = true;
    HttpServer provider;

    @BeforeEach
    void startProvider() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                try {
                    answerNone.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.setExecutor(Executors.newCachedThreadPool());
        provider.start();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        if (app.isRunning()) {
            app.kill();
        }
        if (restarted != null) {
            restarted.stop();
        }
        answerNone.countDown();
        provider.stop(0);
    }

    String[] gatewayArgs() {
        return new String[] {
            "--nobat.notifications.gateway=http",
            "--nobat.notifications.http.url=http://127.0.0.1:"
                    + provider.getAddress().getPort() + "/sms",
            "--nobat.notifications.http.body={\"to\":\"{to}\",\"text\":\"{text}\"}",
            "--nobat.notifications.send-timeout=20s",
            // longer than a send may take; short, so that the test need not wait long
            "--nobat.notifications.sending-lease=25s",
            "--nobat.notifications.poll-every=500ms"
        };
    }

    static Map<String, Object> booking(String slot, String identity, String phone) {
        return Api.bookRequest(C, "docs", "2026-12-20", slot, "FOREIGN_NATIONAL_ID", identity, phone, "en");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessageCutShortByAKillIsNeverSentAgain() throws Exception {
        app.startOnOwnStore("first", gatewayArgs());
        // ready can come a moment before the seeded calendar is read (once, on a loaded CI machine: 409)
        var booked = app.post("/api/appointments", booking("08:00", "400000000001", "0912 111 2233"));
        for (int i = 0; i < 30 && booked.getStatusCode().value() == 409; i++) {
            Thread.sleep(1000);
            booked = app.post("/api/appointments", booking("08:00", "400000000001", "0912 111 2233"));
        }
        assertThat(booked.getStatusCode().value()).as("%s", booked.getBody()).isEqualTo(201);
        String code = (String) booked.getBody().get("code");
        waitFor(() -> bodies.size(), n -> n == 1, Duration.ofSeconds(60));
        assertThat(bodies.get(0)).contains(code.replace('-', ' '));

        app.kill(); // mid-send: the provider holds the request
        hang = false;

        restarted = new AppProcess(dataDir);
        restarted.startOnOwnStore("second", gatewayArgs());
        Map<String, Object> counts = waitFor(
                () -> (Map<String, Object>) restarted
                        .get("/api/centres/" + C + "/notifications")
                        .getBody()
                        .get("counts"),
                c -> c != null && ((Number) c.get("UNKNOWN")).intValue() == 1,
                Duration.ofSeconds(90));
        assertThat(counts).containsEntry("SENDING", 0).containsEntry("PENDING", 0);

        var after = restarted.post("/api/appointments", booking("08:30", "400000000002", "0912 777 8899"));
        assertThat(after.getStatusCode().value()).isEqualTo(201);
        waitFor(
                () -> (Map<String, Object>) restarted
                        .get("/api/centres/" + C + "/notifications")
                        .getBody()
                        .get("counts"),
                c -> ((Number) c.get("SENT")).intValue() == 1,
                Duration.ofSeconds(60));

        assertThat(bodies).as("the first message once, the second once").hasSize(2);
        assertThat(bodies.get(0)).contains("+989121112233");
        assertThat(bodies.get(1)).contains("+989127778899");
    }

    static <T> T waitFor(Supplier<T> probe, Predicate<T> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = null;
        while (System.nanoTime() < deadline) {
            try {
                value = probe.get();
                if (done.test(value)) {
                    return value;
                }
            } catch (RuntimeException notYet) {
                // not answering yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not reached within " + limit + ": " + value);
    }
}
