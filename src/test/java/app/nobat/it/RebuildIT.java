package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.board.FloorBoardProjection;
import app.nobat.reports.store.ReportsProjection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An administrator rebuilds a read model on purpose: the floor board (boards, visit records, tracking
 * tokens) and the statistics are forgotten and replayed from the first event while the application
 * serves, with progress to follow, and come out as they were. Processors that send messages or
 * commands are refused, an unknown one is not found.
 */
@IntegrationTest
class RebuildIT {

    static final String C = "it-rebuild";

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    static boolean scripted;

    @Test
    void theFloorBoardIsRebuiltWhileTheApplicationServes() {
        Api api = scriptAMorning();
        rebuiltAsBefore(api, FloorBoardProjection.PROCESSING_GROUP, "floor_boards", "floor_visits", "tracking_tokens");
    }

    @Test
    void theStatisticsAreRebuiltToo() {
        Api api = scriptAMorning();
        rebuiltAsBefore(api, ReportsProjection.PROCESSING_GROUP, "report_days");
    }

    @Test
    void onlyReadModelsAreRebuilt() {
        Api api = new Api(http);
        Map<String, Object> refused = api.post("/api/admin/processors/booking-messages/rebuild", null, 409);
        assertThat(refused.get("type")).isEqualTo("https://nobat.app/problems/processor-not-rebuildable");
        assertThat(refused.get("processor")).isEqualTo("booking-messages");
        assertThat(api.post("/api/admin/processors/carry-over/rebuild", null, 409)
                        .get("type"))
                .isEqualTo("https://nobat.app/problems/processor-not-rebuildable");
        assertThat(api.post("/api/admin/processors/no-such-thing/rebuild", null, 404)
                        .get("type"))
                .isEqualTo("https://nobat.app/problems/unknown-processor");
        List<Map<String, Object>> all = http.get()
                .uri("/api/admin/processors")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(all)
                .anySatisfy(p ->
                        assertThat(p).containsEntry("processor", "floor-board").containsEntry("rebuildable", true));
        assertThat(all)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("processor", "booking-messages")
                        .containsEntry("rebuildable", false));
    }

    /** Tickets called, served, recalled and marked no-show, each step answered. */
    Api scriptAMorning() {
        Api api = new Api(http);
        if (scripted) {
            return api;
        }
        scripted = true;
        api.post("/api/centres/" + C + "/desks/d1/open", Map.of(), 200);
        for (int i = 0; i < 6; i++) {
            api.arrive(C, i % 2 == 0 ? "residence" : "work", i == 3 ? "ELDERLY" : null);
        }
        for (int i = 0; i < 4; i++) {
            String visit = (String) api.callNext(C, "d1").get("visitId");
            if (i == 2) {
                api.post("/api/visits/" + visit + "/recall", null, 200);
                api.post("/api/visits/" + visit + "/recall", null, 200);
                api.post("/api/visits/" + visit + "/no-show", null, 200);
            } else {
                api.post("/api/visits/" + visit + "/start", null, 200);
                api.post("/api/visits/" + visit + "/complete", null, 200);
            }
        }
        return api;
    }

    @SuppressWarnings("unchecked")
    void rebuiltAsBefore(Api api, String processor, String... collections) {
        String progress = "/api/admin/processors/" + processor;
        long head = ((Number) Api.eventually(
                                () -> api.get(progress, 200),
                                p -> Boolean.TRUE.equals(p.get("caughtUp"))
                                        && ((Number) p.get("position")).longValue()
                                                >= ((Number) p.get("head")).longValue())
                        .get("head"))
                .longValue();
        Map<String, List<Document>> before = dump(collections);
        assertThat(before.values()).allMatch(docs -> !docs.isEmpty());

        // three at once, as a double click or a retrying script sends them: one rebuild, the others are told it runs
        List<Integer> statuses = IntStream.range(0, 3)
                .parallel()
                .mapToObj(i -> http.post()
                        .uri(progress + "/rebuild")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sorted()
                .toList();
        assertThat(statuses).containsExactly(202, 409, 409);
        Map<String, Object> started = api.get(progress, 200);
        assertThat(started).containsEntry("processor", processor).containsKeys("position", "head", "percent");
        assertThat(api.post(progress + "/rebuild", null, 409).get("type"))
                .isEqualTo("https://nobat.app/problems/processor-busy");
        // the application keeps serving meanwhile
        api.get("/api/centres/" + C + "/queues", 200);
        Map<String, Object> done = Api.eventually(
                () -> api.get(progress, 200),
                p -> Boolean.FALSE.equals(p.get("replaying"))
                        && Boolean.TRUE.equals(p.get("caughtUp"))
                        && ((Number) p.get("position")).longValue() >= head);
        assertThat(done).containsEntry("percent", 100).containsEntry("running", true);
        assertThat(dump(collections)).isEqualTo(before);
    }

    Map<String, List<Document>> dump(String... collections) {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : collections) {
            all.put(
                    name,
                    database.getCollection(name)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new ArrayList<>()));
        }
        return all;
    }
}
