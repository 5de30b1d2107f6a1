package app.nobat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.common.Refusal;
import app.nobat.common.RuleViolation;
import app.nobat.floor.domain.FloorRefusal;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The catalogs of refusals: one code each, used only through the catalogs, and known to the screens. */
class RefusalCatalogTest {

    static final Path FRONTEND_CODES = Path.of("frontend", "src", "lib", "refusal-codes.json");
    static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void everyCodeIsUniqueAcrossTheCatalogs() {
        List<String> codes = RefusalCatalog.codes();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
        assertThat(codes.size()).isGreaterThan(80);
    }

    @Test
    void everyTemplateNamesItsValuesButNoMemberOfTheProblemItself() {
        for (Refusal refusal : RefusalCatalog.all()) {
            assertThat(refusal.parameters()).as(refusal.code()).doesNotContainAnyElementsOf(Refusal.RESERVED);
            assertThat(refusal.template()).as(refusal.code()).isNotBlank().doesNotContain("{}");
            assertThat(refusal.status()).as(refusal.code()).isBetween(400, 599);
        }
    }

    @Test
    void aRefusalFillsItsTemplateAndCarriesItsValues() {
        var refused = FloorRefusal.DESK_OPEN.with("desk", "desk-1");
        assertThat(refused).isInstanceOf(RuleViolation.class).hasMessage("Desk desk-1 is already open");
        assertThat(refused.values()).containsExactly(Map.entry("desk", "desk-1"));
        var problem = ProblemHandling.problem(refused.refusal(), refused.values());
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).hasToString(ProblemHandling.TYPE_BASE + "desk-open");
        assertThat(problem.getProperties()).containsEntry("code", "desk-open").containsEntry("desk", "desk-1");
    }

    /** Tests run with assertions on: a raise site that leaves a parameter of its template unnamed fails them. */
    @Test
    void aRaiseSiteMustNameEveryParameter() {
        Assertions.assertThatThrownBy(() -> FloorRefusal.DESK_BUSY.with("desk", "d1", "ticket", "A-001"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("desk-busy needs [desk, ticket, state]");
        Assertions.assertThatThrownBy(() -> FloorRefusal.DESK_OPEN.with("desk", "d1", "code", "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reserved");
        Assertions.assertThatThrownBy(() -> FloorRefusal.DESK_OPEN.at("/desk"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A code written anywhere but in its catalog would be a refusal the screens never hear of. */
    @Test
    void noCodeIsWrittenOutsideItsCatalog() throws IOException {
        Set<String> codes = Set.copyOf(RefusalCatalog.codes());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().endsWith("Refusal.java"))
                    .toList()) {
                String source = Files.readString(file);
                Matcher literal = STRING_LITERAL.matcher(source);
                while (literal.find()) {
                    String text = literal.group(1);
                    if (codes.contains(text)
                            || text.startsWith(ProblemHandling.TYPE_BASE)
                                    && !file.endsWith(Path.of("platform", "web", "ProblemHandling.java"))) {
                        found.add(file + ": \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(found).as("codes written outside the catalogs").isEmpty();
    }

    /** The screens translate every code: frontend/src/lib/refusal-codes.json lists them, with their parameters. */
    @Test
    void theFrontendKnowsEveryCodeAndItsParameters() throws IOException {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Refusal refusal : RefusalCatalog.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", refusal.status());
            entry.put("parameters", refusal.parameters());
            entry.put("template", refusal.template());
            expected.put(refusal.code(), entry);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String wanted = json.writeValueAsString(expected) + "\n";
        Map<String, Object> committed = Files.exists(FRONTEND_CODES)
                ? json.readValue(FRONTEND_CODES.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {})
                : Map.of();
        if (!new TreeMap<>(committed).equals(new TreeMap<>(expected))) {
            Path fresh = Path.of("target", "refusal-codes.json");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, wanted);
            Set<String> missing = expected.keySet().stream()
                    .filter(c -> !committed.containsKey(c))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> stale = committed.keySet().stream()
                    .filter(c -> !expected.containsKey(c))
                    .collect(Collectors.toCollection(TreeSet::new));
            throw new AssertionError(FRONTEND_CODES + " differs from the catalogs (missing " + missing + ", stale "
                    + stale + ", or parameters changed): copy " + fresh + " over it and translate what is new "
                    + "in frontend/src/lib/problems.ts");
        }
    }

    @Test
    void theOpenApiDocumentPublishesEveryCodeAsTheProblemOfEveryRefusal() {
        Operation operation = new Operation()
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().content(new Content()))
                        .addApiResponse("409", new ApiResponse().content(new Content())));
        OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/x", new PathItem().post(operation)));
        new ProblemSchema().problemSchemaCustomizer().customise(openApi);

        Schema<?> problem = openApi.getComponents().getSchemas().get(ProblemSchema.NAME);
        assertThat(problem.getProperties().get("code").getEnum())
                .containsExactlyElementsOf(new ArrayList<Object>(RefusalCatalog.codes()));
        assertThat(problem.getProperties().get("type").getEnum()).contains(ProblemHandling.TYPE_BASE + "slot-full");
        String ref = "#/components/schemas/" + ProblemSchema.NAME;
        assertThat(operation
                        .getResponses()
                        .get("409")
                        .getContent()
                        .get(ProblemSchema.PROBLEM_JSON)
                        .getSchema()
                        .get$ref())
                .isEqualTo(ref);
        assertThat(operation
                        .getResponses()
                        .get("default")
                        .getContent()
                        .get(ProblemSchema.PROBLEM_JSON)
                        .getSchema()
                        .get$ref())
                .isEqualTo(ref);
        assertThat(operation.getResponses().get("200").getContent()).isEmpty();
    }
}
