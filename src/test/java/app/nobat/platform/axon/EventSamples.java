package app.nobat.platform.axon;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance of any event record with every field filled (and every nested record, list and
 * map holding one element), the same in every run: what the approval files pin.
 */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-03-21T08:30:00Z");

    private EventSamples() {}

    static Object sample(Class<?> type) {
        return value(type, type, "value");
    }

    /** Every enum reachable from {@code type}'s fields, with the records it passes through. */
    static void enumsOf(Type type, Map<String, List<String>> found, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                enumsOf(argument, found, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> c) || !seen.add(c)) {
            return;
        }
        if (c.isEnum()) {
            found.put(
                    c.getSimpleName(),
                    List.of(c.getEnumConstants()).stream()
                            .map(e -> ((Enum<?>) e).name())
                            .toList());
        } else if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                enumsOf(component.getGenericType(), found, seen);
            }
        } else if (c.isSealed()) {
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                enumsOf(permitted, found, seen);
            }
        }
    }

    private static Object value(Type generic, Class<?> raw, String name) {
        if (raw == String.class) {
            return name.equals("timeZone") ? "Asia/Tehran" : name;
        }
        if (raw == int.class || raw == Integer.class) {
            return 2;
        }
        if (raw == long.class || raw == Long.class) {
            return 3L;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.0;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 3, 21);
        }
        if (raw == LocalTime.class) {
            return LocalTime.of(8, 30);
        }
        if (raw == Duration.class) {
            return Duration.ofMinutes(15);
        }
        if (raw == DayOfWeek.class) {
            return DayOfWeek.SATURDAY;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class || raw == Set.class) {
            Type element = argument(generic, 0);
            Object one = value(element, rawOf(element), name);
            return raw == List.class ? List.of(one) : new LinkedHashSet<>(List.of(one));
        }
        if (raw == Map.class) {
            Type key = argument(generic, 0);
            Type v = argument(generic, 1);
            Map<Object, Object> map = new LinkedHashMap<>();
            Object k = rawOf(key) == String.class ? "fa" : value(key, rawOf(key), name);
            map.put(k, value(v, rawOf(v), name));
            return map;
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        if (raw.isSealed()) {
            return value(raw.getPermittedSubclasses()[0], raw.getPermittedSubclasses()[0], name);
        }
        throw new IllegalArgumentException("no sample for " + generic + " (" + name + ")");
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), types[i], components[i].getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getName(), e);
        }
    }

    private static Type argument(Type generic, int i) {
        return ((ParameterizedType) generic).getActualTypeArguments()[i];
    }

    private static Class<?> rawOf(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
