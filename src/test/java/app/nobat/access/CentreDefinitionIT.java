package app.nobat.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.common.Actor;
import app.nobat.it.Api;
import app.nobat.it.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Administrators change a centre's services, desks and hours through the API; each change is an audited event. */
@IntegrationTest
class CentreDefinitionIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    @Autowired
    EventStorageEngine events;

    Map<String, Object> put(String centreId, Object body, int status) {
        return admin.put()
                .uri("/api/centres/" + centreId)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorDefinesAndChangesACentre() {
        Map<String, Object> profile = new LinkedHashMap<>(admin.get()
                .uri("/api/centres/it-journey")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody());
        profile.put("centreId", "it-admin-made");
        assertThat(put("it-admin-made", profile, 200)).containsEntry("changed", true);
        assertThat(put("it-admin-made", profile, 200))
                .as("the same profile again")
                .containsEntry("changed", false);
        Api.eventually(
                () -> admin.get()
                        .uri("/api/centres/it-admin-made")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value(),
                s -> s == 200);

        List<Map<String, Object>> services = (List<Map<String, Object>>) profile.get("services");
        Map<String, Object> renamed = new LinkedHashMap<>(services.get(0));
        renamed.put("targetWaitMinutes", 45);
        profile.put("services", List.of(renamed, services.get(1), services.get(2)));
        assertThat(put("it-admin-made", profile, 200)).containsEntry("changed", true);

        Map<String, Object> bad = new LinkedHashMap<>(profile);
        Map<String, Object> badService = new LinkedHashMap<>(renamed);
        badService.put("prefix", "lower");
        bad.put("services", List.of(badService));
        assertThat(put("it-admin-made", bad, 400)).containsKey("detail");
        assertThat(put("it-other-id", profile, 400).get("detail")).asString().contains("it-other-id");

        var stored = events.readEvents("it-admin-made", 0).asStream().toList();
        assertThat(stored).hasSize(2);
        assertThat(stored).allSatisfy(e -> {
            assertThat(e.getMetaData().get(Actor.ID_KEY)).isEqualTo("demo-admin");
            assertThat(e.getPayload().toString()).contains("definedBy=demo-admin");
        });
    }

    String etag(String centreId) {
        return admin.get()
                .uri("/api/centres/" + centreId)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    Map<String, Object> putAt(String centreId, Object body, String ifMatch, int status) {
        return admin.put()
                .uri("/api/centres/" + centreId)
                .header("If-Match", ifMatch)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecondAdministratorsSaveOfTheSameVersionIsRefusedAsChangedMeanwhile() {
        Map<String, Object> profile = new LinkedHashMap<>(admin.get()
                .uri("/api/centres/it-journey")
                .exchange()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody());
        profile.put("centreId", "it-versioned");
        assertThat(put("it-versioned", profile, 200)).containsEntry("changed", true);
        String read = Api.eventually(() -> etag("it-versioned"), e -> "\"0\"".equals(e));
        assertThat(read).as("the version of the first definition").isEqualTo("\"0\"");

        // both administrators read version 0; the first one's save is kept
        Map<String, Object> first = new LinkedHashMap<>(profile);
        first.put("maxRecalls", 3);
        assertThat(putAt("it-versioned", first, read, 200)).containsEntry("changed", true);
        // the second one's, made to version 0 too, is refused and changes nothing
        Map<String, Object> second = new LinkedHashMap<>(profile);
        second.put("maxRecalls", 5);
        Map<String, Object> refused = putAt("it-versioned", second, read, 409);
        assertThat(refused).containsEntry("code", "centre-changed-meanwhile").containsEntry("current", 1);
        assertThat(events.readEvents("it-versioned", 0).asStream().toList()).hasSize(2);
        // read again, the change can be made to the new version
        String again = Api.eventually(() -> etag("it-versioned"), e -> "\"1\"".equals(e));
        assertThat(putAt("it-versioned", second, again, 200)).containsEntry("changed", true);
        assertThat(putAt("it-versioned", second, "not a version", 400)).containsEntry("code", "out-of-range");
    }
}
