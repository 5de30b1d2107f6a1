package app.nobat.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the RFC 7807 answer as a {@code Problem} schema whose {@code code} (and type) is one of the
 * {@link RefusalCatalog}'s codes, and makes it the {@code application/problem+json} content of every
 * refusal an operation documents (and of its {@code default} answer).
 */
@Configuration(proxyBeanMethods = false)
public class ProblemSchema {

    public static final String NAME = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenApiCustomizer problemSchemaCustomizer() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(NAME, schema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getResponses() == null) {
                            return;
                        }
                        operation.getResponses().forEach((status, response) -> {
                            if (status.startsWith("4") || status.startsWith("5")) {
                                response.setContent(problemContent());
                            }
                        });
                        operation
                                .getResponses()
                                .computeIfAbsent(
                                        "default",
                                        s -> new ApiResponse()
                                                .description("A refusal: an RFC 7807 problem whose code names it")
                                                .content(problemContent()));
                    }));
        };
    }

    static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> schema() {
        List<String> codes = RefusalCatalog.codes();
        StringSchema code = new StringSchema();
        code.setEnum(codes);
        code.description(
                "What was refused: screens translate it and fill its template with the problem's other members");
        StringSchema type = new StringSchema();
        type.setEnum(codes.stream().map(c -> ProblemHandling.TYPE_BASE + c).toList());
        type.description("The code as a URI; every 400 has the type of invalid-input, its code says which kind");
        Schema problem = new ObjectSchema()
                .description("An RFC 7807 problem. Members beyond these are the refusal's named values "
                        + "(e.g. desk, ticket, slot, opensAt), never personal data")
                .addProperty("type", type)
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("The English template, filled in"))
                .addProperty("instance", new StringSchema())
                .addProperty("code", code)
                .addProperty("field", new StringSchema().description("JSON pointer of the refused member (400 only)"));
        problem.setRequired(List.of("type", "status", "code"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
