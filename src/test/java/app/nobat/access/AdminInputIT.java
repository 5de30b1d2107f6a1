package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The probe's administrator payloads, sent as raw JSON: each is refused with a 400 problem naming the
 * field (a JSON pointer) and the kind of refusal, and nothing of it is stored.
 */
@IntegrationTest
class AdminInputIT {

    static final String C = "it-journey";
    static final String TEMPLATE = "/api/centres/" + C + "/services/residence/slot-template";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    Map<String, Object> send(HttpMethod method, String path, String body, int status) {
        return admin.method(method)
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static void refused(Map<String, Object> problem, String code, String field) {
        assertThat(problem.get("type")).asString().endsWith("/invalid-input");
        assertThat(problem).containsEntry("code", code).containsEntry("field", field);
        assertThat(problem.get("errors"))
                .asList()
                .singleElement()
                .satisfies(e -> assertThat((Map<String, Object>) e)
                        .containsEntry("pointer", field)
                        .containsEntry("code", code));
        assertThat(problem.get("detail")).asString().doesNotContain("not valid JSON");
    }

    static String rule(String capacity) {
        return "{\"days\":[\"SATURDAY\",\"SUNDAY\"],\"from\":\"08:00\",\"until\":\"12:00\",\"slotMinutes\":15,"
                + "\"capacity\":" + capacity + "}";
    }

    @Test
    void duplicatedOrOverlappingSlotRulesAreRefusedAndTheTemplateStaysAsItWas() {
        String before = admin.get()
                .uri(TEMPLATE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<String> thousandCopies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            thousandCopies.add(rule("1000"));
        }
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + String.join(",", thousandCopies) + "]}", 400),
                "duplicate-slot-rule",
                "/rules/1");
        String overlapping = "{\"days\":[\"SUNDAY\"],\"from\":\"11:00\",\"until\":\"13:00\",\"slotMinutes\":30,"
                + "\"capacity\":1000}";
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + rule("1000") + "," + overlapping + "]}", 400),
                "overlapping-slot-rules",
                "/rules/1");
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + rule("1.5") + "]}", 400),
                "wrong-type",
                "/rules/0/capacity");
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + rule("null") + "]}", 400),
                "wrong-type",
                "/rules/0/capacity");
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + rule("\"4\"") + "]}", 400),
                "wrong-type",
                "/rules/0/capacity");
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + rule("1001") + "]}", 400),
                "out-of-bounds",
                "/rules/0/capacity");
        refused(
                send(HttpMethod.PUT, TEMPLATE, "{\"rules\":[" + rule("1").replace("\"SATURDAY\"", "6") + "]}", 400),
                "wrong-type",
                "/rules/0/days/0");
        refused(
                send(
                        HttpMethod.PUT,
                        TEMPLATE,
                        "{\"rules\":[" + rule("1").replace("\"08:00\"", "\"25:00\"") + "]}",
                        400),
                "wrong-type",
                "/rules/0/from");
        assertThat(admin.get()
                        .uri(TEMPLATE)
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .isEqualTo(before);
    }

    @Test
    void aCentreProfileOutOfRangeIsRefusedByFieldAndNothingIsRecorded() {
        String path = "/api/centres/" + C;
        Map<String, Object> before =
                admin.get().uri(path).exchange().expectBody(JSON).returnResult().getResponseBody();
        String profile = admin.get()
                .uri(path)
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        refused(
                send(
                        HttpMethod.PUT,
                        path,
                        profile.replaceFirst("\"appointmentBoost\":[0-9.]+", "\"appointmentBoost\":1e400"),
                        400),
                "out-of-bounds",
                "/policy/appointmentBoost");
        refused(
                send(
                        HttpMethod.PUT,
                        path,
                        profile.replaceFirst("\"appointmentBoost\":[0-9.]+", "\"appointmentBoost\":100000"),
                        400),
                "out-of-bounds",
                "/policy/appointmentBoost");
        refused(
                send(
                        HttpMethod.PUT,
                        path,
                        profile.replaceFirst("\"MEDICAL_REFERRAL\":[0-9.]+", "\"MEDICAL_REFERRAL\":1e400"),
                        400),
                "out-of-bounds",
                "/policy/weights/MEDICAL_REFERRAL");
        refused(
                send(HttpMethod.PUT, path, profile.replaceFirst("\"maxRecalls\":[0-9]+", "\"maxRecalls\":-3"), 400),
                "out-of-bounds",
                "/maxRecalls");
        refused(
                send(HttpMethod.PUT, path, profile.replaceFirst("\"maxRecalls\":[0-9]+", "\"maxRecalls\":1.5"), 400),
                "wrong-type",
                "/maxRecalls");
        refused(
                send(HttpMethod.PUT, path, profile.replaceFirst("\"endOfDay\":\"[A-Z_]+\"", "\"endOfDay\":\"1\""), 400),
                "wrong-type",
                "/endOfDay");
        refused(
                send(HttpMethod.PUT, path, profile.replaceFirst("\"endOfDay\":\"[A-Z_]+\"", "\"endOfDay\":1"), 400),
                "wrong-type",
                "/endOfDay");
        refused(
                send(
                        HttpMethod.PUT,
                        path,
                        profile.replaceFirst("\"targetWaitMinutes\":[0-9]+", "\"targetWaitMinutes\":99999"),
                        400),
                "out-of-bounds",
                "/services/0/targetWaitMinutes");
        Map<String, Object> twice = send(
                HttpMethod.PUT,
                path,
                profile.replaceFirst("\"maxRecalls\":[0-9]+", "\"maxRecalls\":2,\"maxRecalls\":3"),
                400);
        assertThat(twice)
                .as("a member given twice is not silently its last value")
                .containsEntry("code", "malformed-json");
        assertThat(admin.get()
                        .uri(path)
                        .exchange()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody())
                .isEqualTo(before);
    }

    @Test
    void holidaysAndAccountsNameTheirRefusedField() {
        refused(
                send(HttpMethod.PUT, "/api/centres/" + C + "/holidays/2027-03-21", "{\"names\":{\"en\":\"\"}}", 400),
                "holiday-name-length",
                "/names/en");
        refused(
                send(HttpMethod.PUT, "/api/centres/" + C + "/holidays/2027-03-21", "{\"names\":{\"de\":\"Tag\"}}", 400),
                "unknown-language",
                "/names");
        refused(
                send(HttpMethod.PUT, "/api/centres/" + C + "/holidays/9999-03-21", "{\"names\":{\"en\":\"Far\"}}", 400),
                "holiday-date-range",
                "date");
        refused(
                send(
                        HttpMethod.POST,
                        "/api/admin/devices",
                        "{\"deviceId\":\"kiosk-ordinal\",\"kind\":\"1\",\"centreId\":\"" + C + "\"}",
                        400),
                "wrong-type",
                "/kind");
        refused(
                send(
                        HttpMethod.POST,
                        "/api/admin/devices",
                        "{\"deviceId\":\"kiosk-ordinal\",\"kind\":0,\"centreId\":\"" + C + "\"}",
                        400),
                "wrong-type",
                "/kind");
        refused(
                send(
                        HttpMethod.POST,
                        "/api/admin/staff",
                        "{\"username\":\"ordinal-desk\",\"password\":\"a-long-enough-pass\",\"role\":\"0\"}",
                        400),
                "wrong-type",
                "/role");
        refused(
                send(HttpMethod.PUT, "/api/admin/staff/demo-desk", "{\"disabled\":\"yes\"}", 400),
                "wrong-type",
                "/disabled");
        refused(send(HttpMethod.PUT, "/api/admin/staff/demo-desk", "{\"disabled\":1}", 400), "wrong-type", "/disabled");
        refused(
                send(
                        HttpMethod.POST,
                        "/api/admin/devices",
                        "{\"deviceId\":\"Kiosk Ordinal\",\"kind\":\"KIOSK\",\"centreId\":\"" + C + "\"}",
                        400),
                "malformed-device-id",
                "/deviceId");

        Map<String, Object> notJson = send(HttpMethod.PUT, "/api/admin/staff/demo-desk", "{\"disabled\": ", 400);
        assertThat(notJson).containsEntry("code", "malformed-json").doesNotContainKey("field");
        assertThat(notJson.get("detail")).asString().contains("not valid JSON");
        admin.get()
                .uri("/api/admin/staff")
                .exchange()
                .expectBody(String.class)
                .value(s -> assertThat(s).doesNotContain("ordinal-desk"));
        admin.get()
                .uri("/api/admin/devices")
                .exchange()
                .expectBody(String.class)
                .value(s -> assertThat(s).doesNotContain("kiosk-ordinal"));
    }
}
