package app.nobat.platform.web;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.annotation.Nullable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document is the contract the screens' types are generated from (frontend/openapi), so
 * it says exactly what is on the wire: every enum is a named schema; every component of an answer
 * record is required (Jackson writes each key, nulls included), typed with null only where the
 * component is {@link Nullable}; in a request body a nullable field may also be left out.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static {
        // one named schema per enum (DeskStatus, PriorityClass, …) instead of the values inlined at each use
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    RecordComponents recordComponentsAreRequired() {
        return new RecordComponents();
    }

    @Bean
    OpenApiCustomizer nullableRequestFieldsMayBeLeftOut() {
        return ApiDocumentation::relaxRequestBodies;
    }

    /** Marks record components required (and nullable ones nullable); notes classes that share a schema name. */
    public static final class RecordComponents implements ModelConverter {

        /** Schemas are named by simple class name: two classes of one name would silently share a schema. */
        private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

        private final Set<String> collisions = ConcurrentHashMap.newKeySet();

        /** "Name: one.Class, other.Class" for each schema name two classes resolved to (springdoc swallows exceptions). */
        public Set<String> nameCollisions() {
            return Set.copyOf(collisions);
        }

        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            if (!chain.hasNext()) {
                return null;
            }
            Schema<?> resolved = chain.next().resolve(type, context, chain);
            Class<?> raw = type.getType() == null
                    ? null
                    : TypeFactory.defaultInstance()
                            .constructType(type.getType())
                            .getRawClass();
            if (resolved != null && raw != null && (raw.isRecord() || raw.isEnum()) && resolved.get$ref() != null) {
                Class<?> earlier = named.putIfAbsent(refName(resolved.get$ref()), raw);
                if (earlier != null && earlier != raw) {
                    collisions.add(refName(resolved.get$ref()) + ": " + earlier.getName() + ", " + raw.getName());
                }
            }
            if (resolved == null || raw == null || !raw.isRecord()) {
                return resolved;
            }
            Schema<?> model = resolved.get$ref() == null
                    ? resolved
                    : context.getDefinedModels().get(refName(resolved.get$ref()));
            if (model == null || model.getProperties() == null) {
                return resolved;
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = component.getName();
                Schema<?> property = model.getProperties().get(name);
                if (property == null) {
                    continue;
                }
                if (model.getRequired() == null || !model.getRequired().contains(name)) {
                    model.addRequiredItem(name);
                }
                if (component.isAnnotationPresent(Nullable.class)) {
                    model.getProperties().put(name, orNull(property));
                }
            }
            return resolved;
        }
    }

    /** The property's schema with null allowed: a null type, or for a reference one of it or null. */
    static Schema<?> orNull(Schema<?> property) {
        if (allowsNull(property)) {
            return property;
        }
        if (property.get$ref() != null) {
            Schema<Object> either = new Schema<>();
            either.setOneOf(List.of(property, new Schema<>().type("null").types(new LinkedHashSet<>(Set.of("null")))));
            return either;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            return property; // any value, null included
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    static boolean allowsNull(Schema<?> property) {
        return (property.getTypes() != null && property.getTypes().contains("null"))
                || (property.getOneOf() != null && property.getOneOf().stream().anyMatch(ApiDocumentation::allowsNull));
    }

    /** Schemas a request body reaches lose the nullable fields from their required ones: a client may leave them out. */
    static void relaxRequestBodies(OpenAPI api) {
        Components components = api.getComponents();
        if (api.getPaths() == null || components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        Deque<Schema<?>> todo = new ArrayDeque<>();
        api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(Operation::getRequestBody)
                .filter(Objects::nonNull)
                .map(body -> body.getContent())
                .filter(Objects::nonNull)
                .map(Content::values)
                .flatMap(Collection::stream)
                .map(media -> media.getSchema())
                .filter(Objects::nonNull)
                .forEach(todo::add);
        Set<String> reached = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = refName(schema.get$ref());
                if (reached.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            children(schema).forEach(todo::push);
        }
        for (String name : reached) {
            Schema<?> schema = schemas.get(name);
            if (schema == null || schema.getRequired() == null || schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired().stream()
                    .filter(field -> !allowsNull(schema.getProperties().get(field)))
                    .toList();
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Stream<Schema<?>> children(Schema<?> schema) {
        Stream.Builder<Schema<?>> all = Stream.builder();
        if (schema.getProperties() != null) {
            ((Map<String, Schema<?>>) (Map) schema.getProperties()).values().forEach(all::add);
        }
        if (schema.getItems() != null) {
            all.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            all.add(values);
        }
        for (List<Schema> group : Arrays.asList(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())) {
            if (group != null) {
                group.forEach(all::add);
            }
        }
        return all.build();
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
