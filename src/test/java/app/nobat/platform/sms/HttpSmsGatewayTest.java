package app.nobat.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.platform.sms.SmsGateway.Outcome;
import app.nobat.platform.sms.SmsGateway.OutgoingSms;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a provider's API stubbed in this process. */
class HttpSmsGatewayTest {

    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (hang) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    HttpSmsGateway gateway(String contentType, String body, Duration timeout) {
        return new HttpSmsGateway(new HttpSmsGateway.Settings(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/send?ref={reference}",
                "POST",
                contentType,
                body,
                Map.of("X-Api-Key", "key-from-env"),
                "centre",
                "pass",
                timeout));
    }

    @Test
    void theBodyIsTheConfiguredTemplateWithTheValuesEscapedForJson() {
        HttpSmsGateway gateway = gateway(
                "application/json",
                "{\"receptor\":\"{to}\",\"message\":\"{text}\",\"sender\":\"3000\"}",
                Duration.ofSeconds(5));

        Outcome outcome = gateway.send(new OutgoingSms("booked:e1", "+989121234567", "نوبت \"A012\"\nباجه ۳"));

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/send");
        assertThat(r.query()).isEqualTo("ref=booked%3Ae1");
        assertThat(r.body())
                .isEqualTo(
                        "{\"receptor\":\"+989121234567\",\"message\":\"نوبت \\\"A012\\\"\\nباجه ۳\",\"sender\":\"3000\"}");
        assertThat(r.headers().get("Content-type")).containsExactly("application/json");
        assertThat(r.headers().get("X-api-key")).containsExactly("key-from-env");
        assertThat(r.headers().get("Authorization")).containsExactly("Basic Y2VudHJlOnBhc3M=");
    }

    @Test
    void aFormBodyIsUrlEncoded() {
        HttpSmsGateway gateway =
                gateway("application/x-www-form-urlencoded", "to={to}&text={text}", Duration.ofSeconds(5));

        gateway.send(new OutgoingSms("booked:e2", "+93701234567", "a b&c"));

        assertThat(received.get(0).body()).isEqualTo("to=%2B93701234567&text=a+b%26c");
    }

    @Test
    void aServerErrorIsARefusalWorthRetryingAndTheRetryIsTaken() {
        HttpSmsGateway gateway =
                gateway("application/json", "{\"to\":\"{to}\",\"text\":\"{text}\"}", Duration.ofSeconds(5));
        statuses.add(503);

        Outcome first = gateway.send(new OutgoingSms("booked:e3", "+989121234567", "x"));
        Outcome second = gateway.send(new OutgoingSms("booked:e3", "+989121234567", "x"));

        assertThat(first).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.retryable()).isTrue();
            assertThat(r.reason()).isEqualTo("HTTP 503");
        });
        assertThat(second).isInstanceOf(Outcome.Accepted.class);
        assertThat(received).hasSize(2);
    }

    @Test
    void aClientErrorIsNotRetried() {
        HttpSmsGateway gateway = gateway("application/json", "{}", Duration.ofSeconds(5));
        statuses.add(400);

        assertThat(gateway.send(new OutgoingSms("booked:e4", "+989121234567", "x")))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.retryable()).isFalse());
    }

    @Test
    void aTimeoutIsUnknownNotARefusal() {
        hang = true;
        HttpSmsGateway gateway = gateway("application/json", "{}", Duration.ofMillis(300));

        assertThat(gateway.send(new OutgoingSms("booked:e5", "+989121234567", "x")))
                .as("it may have been taken: never resent")
                .isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void aProviderThatIsDownIsARefusalWorthRetrying() {
        HttpSmsGateway gateway = gateway("application/json", "{}", Duration.ofSeconds(5));
        server.stop(0);

        assertThat(gateway.send(new OutgoingSms("booked:e6", "+989121234567", "x")))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.retryable()).isTrue());
    }
}
