package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.nobat.it.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The audit of configuration changes lists who changed a staff account, a device and a centre, from the events. */
@IntegrationTest
class ConfigurationAuditIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
    static final String PASSWORD = "quiet harbour lantern";

    @Autowired
    WebTestClient admin;

    WebTestClient http() {
        return admin.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    List<Map<String, Object>> audit(String query) {
        return http().get()
                .uri("/api/admin/audit" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void staffAccountsDevicesAndCentreChangesAreListedWithTheAdministrator() {
        http().post()
                .uri("/api/admin/staff")
                .bodyValue(Map.of(
                        "username",
                        "audit.clerk",
                        "password",
                        PASSWORD,
                        "role",
                        "DESK",
                        "centres",
                        List.of("it-tickets")))
                .exchange()
                .expectStatus()
                .isCreated();
        http().put()
                .uri("/api/admin/staff/audit.clerk")
                .bodyValue(Map.of("password", "another quiet harbour", "disabled", true))
                .exchange()
                .expectStatus()
                .isOk();
        http().post()
                .uri("/api/admin/devices")
                .bodyValue(Map.of("deviceId", "audit-kiosk", "kind", "KIOSK", "centreId", "it-tickets"))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> profile = http().get()
                .uri("/api/centres/it-tickets")
                .exchange()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) profile.get("services");
        services.get(0).put("targetWaitMinutes", 25);
        profile.remove("version");
        http().put()
                .uri("/api/centres/it-tickets")
                .bodyValue(profile)
                .exchange()
                .expectStatus()
                .isOk();

        List<Map<String, Object>> changes = audit("");
        assertThat(changes)
                .filteredOn(c -> "audit.clerk".equals(c.get("subject")))
                .extracting(c -> c.get("kind"), c -> c.get("by"))
                .containsExactly(
                        tuple("STAFF_ACCOUNT_CHANGED", "demo-admin"), tuple("STAFF_ACCOUNT_CREATED", "demo-admin"));
        assertThat(changes)
                .filteredOn(c -> "audit.clerk".equals(c.get("subject")))
                .first()
                .satisfies(c -> assertThat(String.valueOf(c.get("changes"))).contains("password", "disabled"));
        assertThat(changes)
                .filteredOn(c -> "audit-kiosk".equals(c.get("subject")))
                .extracting(c -> c.get("kind"), c -> c.get("centreId"), c -> c.get("by"))
                .containsExactly(tuple("DEVICE_TOKEN_ISSUED", "it-tickets", "demo-admin"));
        // the centre's latest definition names the setting it changed, and who changed it
        Map<String, Object> centre = changes.stream()
                .filter(c -> "CENTRE_DEFINED".equals(c.get("kind")) && "it-tickets".equals(c.get("centreId")))
                .findFirst()
                .orElseThrow();
        assertThat(centre.get("by")).isEqualTo("demo-admin");
        assertThat(centre.get("changes")).isEqualTo(List.of("services"));
        // the seed's first definition is there too, older
        assertThat(changes)
                .filteredOn(c -> "CENTRE_DEFINED".equals(c.get("kind")) && "it-tickets".equals(c.get("centreId")))
                .hasSizeGreaterThanOrEqualTo(2);
        // the latest first
        assertThat(changes).extracting(c -> (String) c.get("at")).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // of one centre only
        assertThat(audit("?centreId=it-tickets"))
                .extracting(c -> c.get("centreId"))
                .containsOnly("it-tickets");
        // no password, hash or token anywhere in the record
        String raw = http().get()
                .uri("/api/admin/audit")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(raw).doesNotContain(PASSWORD).doesNotContain("harbour").doesNotContain("pbkdf2");

        // a supervisor and a desk clerk may not read it
        for (String[] user : List.of(
                new String[] {"demo-desk", "demo-desk-pass"},
                new String[] {"demo-supervisor", "demo-supervisor-pass"})) {
            http().mutate()
                    .defaultHeaders(h -> h.setBasicAuth(user[0], user[1]))
                    .build()
                    .get()
                    .uri("/api/admin/audit")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }
}
