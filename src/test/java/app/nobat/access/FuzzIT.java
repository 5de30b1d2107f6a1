package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Fuzzing of the public and staff endpoints with generated bad input: malformed JSON, wrong types,
 * huge strings, Unicode edge cases (Persian and Pashto text, direction marks, joiners, lone
 * surrogates, NUL) and injection strings in every field and path segment. Never a 5xx, never a
 * stack trace, and a refused request changes no stored data.
 */
@IntegrationTest
class FuzzIT {

    static final List<String> NASTY = List.of(
            "{\"$gt\": \"\"}",
            "{\"$where\": \"sleep(1000)\"}",
            "$ne",
            "'; DROP TABLE x; --",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "%00",
            "\u0000",
            "\uD800",
            "\u202Eevil",
            "ک\u200Cی",
            "۱۲۳۴",
            "د هویت کارت",
            "نوبت",
            "😀",
            "\\",
            "\"",
            "null",
            "true",
            "-1",
            "1e309",
            "9".repeat(400),
            "a".repeat(100_000),
            " ",
            "",
            "0912 345 6789",
            "persian-gulf",
            "desk-1",
            "ZZZZ-ZZZZ");

    record Target(String method, String path, List<String> fields, boolean staff) {}

    static final List<Target> TARGETS = List.of(
            new Target(
                    "POST",
                    "/api/appointments",
                    List.of(
                            "centreId",
                            "serviceCode",
                            "date",
                            "slot",
                            "identityType",
                            "identityNumber",
                            "phone",
                            "language"),
                    false),
            new Target("POST", "/api/appointments/{x}/reschedule", List.of("date", "slot"), false),
            new Target("GET", "/api/appointments/{x}", List.of(), false),
            new Target("DELETE", "/api/appointments/{x}", List.of(), false),
            new Target("GET", "/api/track/{x}", List.of(), false),
            new Target("GET", "/api/centres/{x}/services/{x}/slots?date={x}", List.of(), false),
            new Target(
                    "POST",
                    "/api/centres/it-journey/visits",
                    List.of("serviceCode", "priorityClass", "requestId", "appointmentCode"),
                    true),
            new Target("POST", "/api/centres/{x}/desks/{x}/open", List.of("serviceCodes"), true),
            new Target("POST", "/api/centres/it-journey/desks/d2/call-next", List.of("requestId"), true),
            new Target("POST", "/api/centres/it-journey/desks/d2/call", List.of("visitId", "reason", "note"), true),
            new Target("POST", "/api/visits/{x}/transfer", List.of("toServiceCode"), true),
            new Target("POST", "/api/visits/{x}/return", List.of("reason", "note"), true),
            new Target("PUT", "/api/centres/it-journey/services/residence/slot-template", List.of("rules"), true),
            new Target("PUT", "/api/centres/it-journey/holidays/{x}", List.of("names"), true),
            new Target("POST", "/api/admin/staff", List.of("username", "password", "role", "centres"), true),
            new Target("PUT", "/api/admin/staff/{x}", List.of("password", "role", "disabled", "centres"), true),
            new Target("POST", "/api/admin/devices", List.of("deviceId", "kind", "centreId"), true));

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void badInputNeverBreaksAnythingNorChangesStoredData() {
        Random random = new Random(20261129);
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of(NASTY),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0600', '\u06FF').ofMaxLength(30));
        Arbitrary<Object> value = Arbitraries.oneOf(
                text.map(t -> (Object) t),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.just(List.of(1, "x")),
                Arbitraries.just(Map.of("$gt", "")),
                Arbitraries.just((Object) Boolean.TRUE));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        for (Target target : TARGETS) {
            for (int i = 0; i < 40; i++) {
                String path = target.path();
                while (path.contains("{x}")) {
                    String segment = text.filter(t -> t.length() <= 200).sample(); // a URI is not a body
                    path = path.replaceFirst(
                            "\\{x}",
                            Matcher.quoteReplacement(
                                    URLEncoder.encode(segment.isEmpty() ? "x" : segment, StandardCharsets.UTF_8)));
                }
                String body = body(target, value, text, random, i);
                Map<String, Long> before = counts();
                int[] status = new int[1];
                String answer = send(target, path, body, status);
                requests++;
                statuses.merge(status[0], 1, Integer::sum);
                if (status[0] >= 500) {
                    failures.add(status[0] + " " + target.method() + " " + path + " " + shorten(body));
                }
                if (answer.contains("Exception") || answer.contains("at app.nobat") || answer.contains("java.")) {
                    failures.add("stack trace: " + target.method() + " " + path + " " + shorten(answer));
                }
                if (status[0] >= 400 && !counts().equals(before)) {
                    failures.add("refused but stored: " + target.method() + " " + path + " " + shorten(body));
                }
            }
        }
        System.out.printf("Fuzzing: %d requests to %d endpoints, answers %s%n", requests, TARGETS.size(), statuses);
        assertThat(statuses.keySet())
                .as("the staff endpoints were reached, not only refused at the door")
                .contains(400)
                .doesNotContain(401, 403);
        assertThat(failures).isEmpty();
    }

    /** Path tricks the firewall refuses, and segments of no route at all. */
    static final List<String> PATH_TRICKS = List.of(
            "%2F",
            "%2f",
            "%2e%2e",
            "..",
            ".",
            ";x=1",
            "%3B",
            "%25",
            "%5C",
            "%00",
            "",
            "a%2Fb",
            "%E2%80%AE",
            "%C0%AE",
            "~",
            "%252F");

    /**
     * Refusals made before any controller (the path firewall, the Authorization schemes, device
     * tokens, wrong passwords, sessions that do not exist, CSRF) are problems too, never errors.
     */
    @Test
    void refusalsAtTheDoorAreProblemsNeverErrors() {
        Random random = new Random(20261201);
        Arbitrary<String> printable =
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60);
        Arbitrary<String> authorization = Arbitraries.oneOf(
                printable,
                printable.map(t -> "Basic " + t),
                printable.map(t -> "Device " + t),
                printable.map(t -> "Bearer " + t),
                printable.map(t -> "Basic " + Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of(NASTY)
                        .filter(t -> t.length() < 500 && t.chars().allMatch(c -> c >= ' ' && c <= '~'))
                        .map(t -> "Device " + t));
        List<String> paths = List.of(
                "/api/appointments/{x}",
                "/api/track/{x}",
                "/api/centres/{x}/display",
                "/api/centres/persian-gulf/services/{x}/slots",
                "/api/centres/{x}/queues",
                "/api/admin/{x}",
                "/api/centres/{x}/voice",
                "/api/centres/it-journey/voice/{x}/n.1",
                "/api/centres/it-journey/voice/fa/{x}",
                "/{x}",
                "/api/visits/{x}/start");
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            String path = paths.get(random.nextInt(paths.size()))
                    .replace(
                            "{x}",
                            i % 2 == 0
                                    ? PATH_TRICKS.get(random.nextInt(PATH_TRICKS.size())) + "x"
                                    : URLEncoder.encode(printable.sample(), StandardCharsets.UTF_8));
            String method = List.of("GET", "POST", "DELETE", "PUT").get(random.nextInt(4));
            String header = i % 3 == 0 ? null : authorization.sample();
            String cookie =
                    i % 5 == 0 ? "SESSION=" + URLEncoder.encode(printable.sample(), StandardCharsets.UTF_8) : null;
            int[] status = new int[1];
            String[] type = new String[1];
            String answer = HttpClient.create()
                    .headers(h -> {
                        h.set("Content-Type", "application/json");
                        if (header != null) {
                            h.set("Authorization", header);
                        }
                        if (cookie != null) {
                            h.set("Cookie", cookie);
                        }
                    })
                    .request(HttpMethod.valueOf(method))
                    .uri("http://localhost:" + port + path)
                    .send(
                            method.equals("GET") || method.equals("DELETE")
                                    ? ByteBufFlux.empty()
                                    : ByteBufFlux.fromString(Mono.just("{}")))
                    .responseSingle((r, content) -> {
                        status[0] = r.status().code();
                        type[0] = r.responseHeaders().get("Content-Type", "");
                        return content.asString().defaultIfEmpty("");
                    })
                    .block(Duration.ofSeconds(30));
            statuses.merge(status[0], 1, Integer::sum);
            String request = method + " " + path + " Authorization=" + header + " Cookie=" + cookie;
            if (status[0] >= 500) {
                failures.add(status[0] + " " + request);
            } else if (status[0] >= 400
                    && !(type[0].equals("application/problem+json")
                            && answer.contains("\"type\":\"https://nobat.app/problems/"))) {
                failures.add("not a problem: " + status[0] + " " + type[0] + " " + request + " -> " + shorten(answer));
            }
        }
        System.out.printf("Fuzzing the door: 300 requests, answers %s%n", statuses);
        assertThat(statuses.keySet()).contains(400, 401);
        assertThat(failures).isEmpty();
    }

    /** Mostly a JSON object with one to all fields spoiled; sometimes not JSON at all. */
    static String body(Target target, Arbitrary<Object> value, Arbitrary<String> text, Random random, int i) {
        if (i % 8 == 0) {
            return text.sample();
        }
        if (i % 8 == 1) {
            return "{\"" + (target.fields().isEmpty() ? "x" : target.fields().get(0)) + "\": ";
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : target.fields()) {
            fields.put(field, value.sample());
        }
        fields.put("identityNumber", "{\"$gt\": \"\"}"); // keeps a booking from ever being valid
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String send(Target target, String path, String body, int[] status) {
        String admin = "Basic " + Base64.getEncoder().encodeToString("demo-admin:demo-admin-pass".getBytes());
        return HttpClient.create()
                .headers(h -> {
                    h.set("Content-Type", "application/json");
                    if (target.staff()) {
                        h.set("Authorization", admin);
                    }
                })
                .request(HttpMethod.valueOf(target.method()))
                .uri("http://localhost:" + port + path)
                .send(
                        target.method().equals("GET") || target.method().equals("DELETE")
                                ? ByteBufFlux.empty()
                                : ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((r, content) -> {
                    status[0] = r.status().code();
                    return content.asString().defaultIfEmpty("");
                })
                .block(Duration.ofSeconds(30));
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String c : List.of(
                "domainevents", "visitor_personal_data", "appointment_codes", "staff_accounts", "device_tokens")) {
            counts.put(c, database.getCollection(c).countDocuments());
        }
        return counts;
    }

    static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
