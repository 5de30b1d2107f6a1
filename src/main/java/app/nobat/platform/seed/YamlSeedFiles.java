package app.nobat.platform.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the seed files matching some locations (Spring resource patterns) as YAML, strictly. */
public final class YamlSeedFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private YamlSeedFiles() {}

    /** Hands each file, read as {@code type}, with its resource to {@code seed}, in the order found. */
    public static <T> void forEach(List<String> locations, Class<T> type, BiConsumer<Resource, T> seed)
            throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            for (Resource resource : resolver.getResources(location)) {
                try (InputStream in = resource.getInputStream()) {
                    seed.accept(resource, YAML.readValue(in, type));
                }
            }
        }
    }
}
