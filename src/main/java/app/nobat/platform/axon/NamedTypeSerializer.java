package app.nobat.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's JSON serializer, storing named types under their registered name (and their
 * {@code @Revision}) instead of the Java class name. Types without a name (metadata, tokens) keep
 * Axon's class names: they are not part of the event schema.
 */
public final class NamedTypeSerializer extends JacksonSerializer {

    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<String, String> classNames = new HashMap<>();

    private NamedTypeSerializer(Builder builder, EventNames registry) {
        super(builder);
        registry.byName().forEach((name, type) -> {
            names.put(type, name);
            classNames.put(name, type.getName());
        });
    }

    public static NamedTypeSerializer create(ObjectMapper mapper, EventNames registry) {
        Builder builder =
                JacksonSerializer.builder().objectMapper(mapper).revisionResolver(new AnnotationRevisionResolver());
        return new NamedTypeSerializer(builder, registry);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        String name = type == null ? null : names.get(type);
        if (name == null) {
            return super.typeForClass(type);
        }
        return new SimpleSerializedType(name, getRevisionResolver().revisionOf(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        String className = classNames.get(serializedType.getName());
        return className != null ? className : super.resolveClassName(serializedType);
    }
}
