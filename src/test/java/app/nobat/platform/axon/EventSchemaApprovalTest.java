package app.nobat.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Pins the stored JSON of every event type, one file per stored name under
 * {@code src/test/resources/event-schema}: a change to an event's shape (or to a type inside it)
 * fails here until it is made on purpose, with a new revision and an upcaster
 * (docs/event-versioning.md). Run with {@code -Dnobat.approvals.write=true} to write the files
 * after such a change.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class EventSchemaApprovalTest {

    static final List<EventNames> ALL = AllEventNames.EACH;
    static final Path FILES = Path.of("src/test/resources/event-schema");
    static final boolean WRITE = Boolean.getBoolean("nobat.approvals.write");

    /** The application's own mapper, as Spring Boot builds it from application.yml. */
    @Autowired
    ObjectMapper mapper;

    @Test
    void everyPermittedRecordOfEveryFamilyHasOneNameAndARevision() {
        EventNames merged = EventNames.merge(ALL);
        Set<Class<?>> named = new HashSet<>(merged.byName().values());
        List<Class<?>> permitted = merged.families().stream()
                .flatMap(f -> Stream.of(f.getPermittedSubclasses()))
                .toList();
        assertThat(permitted).hasSizeGreaterThan(30);
        assertThat(named).containsExactlyInAnyOrderElementsOf(permitted);
        permitted.forEach(type -> assertThat(type.getAnnotation(Revision.class))
                .as(type.getName() + " has a @Revision")
                .isNotNull());
        // every format-1 name leads to a name of today
        assertThat(merged.byName().keySet()).containsAll(merged.formatOneNames().values());
    }

    /** A new family of events (or an event outside any family) cannot be handled without a stored name. */
    @Test
    void everyTypeAnAggregateOrProjectionHandlesIsNamedOrAFamily() {
        EventNames merged = EventNames.merge(ALL);
        Set<Class<?>> handled = new HashSet<>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.nobat").stream()
                        .flatMap(c -> c.getMethods().stream())
                        .filter(m ->
                                m.isAnnotatedWith(EventSourcingHandler.class) || m.isAnnotatedWith(EventHandler.class))
                        .forEach(
                                m -> handled.add(m.getRawParameterTypes().get(0).reflect()));
        assertThat(handled).hasSizeGreaterThan(10);
        for (Class<?> type : handled) {
            boolean named = merged.byName().containsValue(type);
            boolean family = merged.families().contains(type) || type == Object.class;
            assertThat(named || family)
                    .as(type.getName() + " is handled, so it needs a stored name")
                    .isTrue();
        }
    }

    @Test
    void theStoredJsonOfEveryEventIsTheApprovedOne() throws IOException {
        NamedTypeSerializer serializer = NamedTypeSerializer.create(mapper, EventNames.merge(ALL));
        ObjectMapper pretty = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        List<String> differences = new ArrayList<>();
        Set<String> approved = new HashSet<>();
        for (var entry : new TreeMap<>(EventNames.merge(ALL).byName()).entrySet()) {
            Object sample = EventSamples.sample(entry.getValue());
            SerializedObject<String> stored = serializer.serialize(sample, String.class);
            assertThat(stored.getType().getName()).isEqualTo(entry.getKey());
            // what is stored reads back as what was written
            Object read = serializer.deserialize(
                    new SimpleSerializedObject<>(stored.getData(), String.class, stored.getType()));
            assertThat(read).as(entry.getKey()).isEqualTo(sample);

            ObjectNode actual = mapper.createObjectNode()
                    .put("name", stored.getType().getName())
                    .put("revision", stored.getType().getRevision());
            actual.set("payload", mapper.readTree(stored.getData()));
            differences.addAll(compare(entry.getKey() + ".json", actual, pretty));
            approved.add(entry.getKey() + ".json");
        }
        Map<String, List<String>> enums = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        EventNames.merge(ALL).byName().values().forEach(type -> EventSamples.enumsOf(type, enums, seen));
        differences.addAll(compare("enums.json", mapper.valueToTree(enums), pretty));
        approved.add("enums.json");

        try (Stream<Path> files = Files.list(FILES)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> !approved.contains(f))
                    .forEach(f -> differences.add(f + ": approved, but no event type is stored under this name any"
                            + " more (stored events of it could no longer be read)"));
        }
        if (!differences.isEmpty() && !WRITE) {
            fail(String.join("\n", differences)
                    + "\nIf the change is meant: give the event a new @Revision, add an upcaster from the old"
                    + " shape, then run with -Dnobat.approvals.write=true (docs/event-versioning.md).");
        }
    }

    private List<String> compare(String file, JsonNode actual, ObjectMapper pretty) throws IOException {
        Path path = FILES.resolve(file);
        if (WRITE) {
            Files.createDirectories(FILES);
            Files.writeString(path, pretty.writeValueAsString(actual) + "\n");
            return List.of();
        }
        if (!Files.exists(path)) {
            return List.of(file + ": no approved file yet; actual:\n" + pretty.writeValueAsString(actual));
        }
        JsonNode expected = mapper.readTree(path.toFile());
        return expected.equals(actual)
                ? List.of()
                : List.of(file + ": the stored JSON changed\n  approved: " + expected + "\n  now:      " + actual);
    }
}
