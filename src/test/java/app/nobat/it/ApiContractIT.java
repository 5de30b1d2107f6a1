package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.platform.web.ApiDocumentation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI document the server serves is the committed frontend/openapi/nobat.json, from which
 * the screens' types are generated: a changed answer or request record fails here until the file
 * (and then frontend/src/lib/api-schema.ts) is regenerated.
 */
@IntegrationTest
class ApiContractIT {

    static final Path COMMITTED = Path.of("frontend/openapi/nobat.json");
    static final String REGENERATE =
            "./mvnw -q -B -ntp -DskipFrontend test -Dtest=ApiContractIT -Dnobat.contract.write=true"
                    + " && (cd frontend && npm run api:generate)";

    @Autowired
    WebTestClient http;

    @Autowired
    ApiDocumentation.RecordComponents records;

    /** springdoc builds the document on the first request: on a loaded machine that takes longer than 5 s. */
    WebTestClient documents() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void theCommittedOpenApiDocumentIsTheServedOne() throws IOException {
        String served = documents()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String normalised = normalise(served);
        if (Boolean.getBoolean("nobat.contract.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, normalised, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .withFailMessage("%s is out of date with the server; regenerate it with: %s", COMMITTED, REGENERATE)
                .isEqualTo(normalised);
    }

    @Test
    void theDocumentSaysWhatIsOnTheWire() throws IOException {
        JsonNode schemas = new ObjectMapper()
                .readTree(documents()
                        .get()
                        .uri("/v3/api-docs")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .path("components")
                .path("schemas");
        JsonNode tracking = schemas.path("TrackingView");
        assertThat(tracking.path("required"))
                .as("every component of an answer is written")
                .extracting(JsonNode::asText)
                .contains("status", "deskId", "calledAt");
        assertThat(tracking.path("properties").path("deskId").path("type"))
                .extracting(JsonNode::asText)
                .as("a @Nullable component may be null")
                .containsExactly("string", "null");
        assertThat(tracking.path("properties").path("ticket").path("type").asText())
                .isEqualTo("string");
        assertThat(tracking.path("properties").path("status").path("$ref").asText())
                .isEqualTo("#/components/schemas/VisitStatus");
        assertThat(schemas.path("DeskLine")
                        .path("properties")
                        .path("status")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/DeskStatus");
        assertThat(schemas.path("FloorChangeKind").path("enum"))
                .extracting(JsonNode::asText)
                .as("the stream's event names")
                .contains("snapshot", "call", "closed");
        assertThat(schemas.path("VisitAction").path("enum"))
                .extracting(JsonNode::asText)
                .contains("no-show");
        assertThat(schemas.path("DisplayView")
                        .path("properties")
                        .path("latestCall")
                        .path("oneOf"))
                .as("a nullable reference")
                .hasSize(2);
        assertThat(schemas.path("ArrivalRequest").has("required"))
                .as("a request may leave its nullable fields out")
                .isFalse();
        assertThat(schemas.path("NewStaff").path("required"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("username", "password", "role");
        assertThat(records.nameCollisions())
                .as("classes sharing a schema name; give one a @Schema(name = ...)")
                .isEmpty();
    }

    /** Sorted keys, two-space indents, no server address (the test's port changes every run). */
    static String normalise(String document) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) json.readTree(document);
        root.remove("servers");
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(root)) + "\n";
    }

    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
