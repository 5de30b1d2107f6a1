package app.nobat.platform.axon;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One context's stored event names: what an event type is called in the store, apart from its
 * Java class, so that a class can move or be renamed without orphaning the events stored under
 * it. {@code formatOneName} is the class name the type was stored under before names existed
 * (data format 1), kept as a literal for the same reason; null for types that came later.
 *
 * @param families the sealed interfaces whose permitted records are all named here
 */
public record EventNames(List<Class<?>> families, Map<String, Class<?>> byName, Map<String, String> formatOneNames) {

    public EventNames {
        families = List.copyOf(families);
        byName = Map.copyOf(byName);
        formatOneNames = Map.copyOf(formatOneNames);
    }

    public static Builder of(Class<?>... families) {
        return new Builder(List.of(families));
    }

    /** Every context's names in one table; a name or a class named twice is a wiring error. */
    public static EventNames merge(Collection<EventNames> all) {
        Builder merged =
                new Builder(all.stream().flatMap(n -> n.families().stream()).toList());
        for (EventNames names : all) {
            names.byName().forEach((name, type) -> merged.name(name, type, null));
            names.formatOneNames().forEach(merged::formatOne);
        }
        return merged.build();
    }

    public static final class Builder {
        private final List<Class<?>> families;
        private final Map<String, Class<?>> byName = new LinkedHashMap<>();
        private final Map<String, String> formatOne = new LinkedHashMap<>();

        private Builder(List<Class<?>> families) {
            this.families = families;
        }

        public Builder name(String name, Class<?> type, String formatOneName) {
            Objects.requireNonNull(name);
            if (byName.containsKey(name) || byName.containsValue(type)) {
                throw new IllegalStateException("event name or type registered twice: " + name + ", " + type);
            }
            byName.put(name, type);
            if (formatOneName != null) {
                formatOne(formatOneName, name);
            }
            return this;
        }

        private void formatOne(String className, String name) {
            if (formatOne.putIfAbsent(className, name) != null) {
                throw new IllegalStateException("format-1 name registered twice: " + className);
            }
        }

        public EventNames build() {
            return new EventNames(families, byName, formatOne);
        }
    }
}
