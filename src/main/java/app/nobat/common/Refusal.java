package app.nobat.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One kind of refusal in a context's catalog (an enum): its stable {@link #code()} (the last part of
 * the problem's type), its HTTP {@link #status()} and an English {@link #template()} with named
 * parameters such as {@code "Desk {desk} is already open"}. A refusal is raised with its named values,
 * e.g. {@code throw FloorRefusal.DESK_OPEN.with("desk", deskId)}; the values go out as members of the
 * problem, so that a screen fills its own-language template with them. Values are ids, tickets, times
 * and counts, never personal data (identity numbers, phones, booking codes, tracking tokens).
 */
public interface Refusal {

    int INVALID = 400;
    int UNAUTHENTICATED = 401;
    int FORBIDDEN = 403;
    int NOT_FOUND = 404;
    int CONFLICT = 409;
    int TOO_MANY = 429;

    /** Problem members that a named value must not take the place of. */
    List<String> RESERVED = List.of("type", "title", "status", "detail", "instance", "code", "field", "errors");

    /** The entry's code, status and template (each catalog constant holds one). */
    RefusalSpec spec();

    default String code() {
        return spec().code();
    }

    default int status() {
        return spec().status();
    }

    default String template() {
        return spec().template();
    }

    /** The names of the template's parameters, in order of appearance, each once. */
    default List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher m = Refused.PARAMETER.matcher(template());
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * This refusal with its named values, given as name, value, name, value, …: every parameter of
     * the template, and any further member the problem carries (e.g. {@code walkInAllowed}).
     */
    default Refused with(Object... namesAndValues) {
        return Refused.of(this, null, named(namesAndValues));
    }

    /** This refusal of the request member at {@code field} (a JSON pointer), with its named values. */
    default InvalidInput at(String field, Object... namesAndValues) {
        if (status() != INVALID) {
            throw new IllegalStateException(code() + " is not a refusal of input");
        }
        return new InvalidInput(this, field, named(namesAndValues));
    }

    /** The template with the values filled in; a parameter without a value stays as it is. */
    default String message(Map<String, ?> values) {
        Matcher m = Refused.PARAMETER.matcher(template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(values.containsKey(name) ? String.valueOf(values.get(name)) : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, Object> named(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("named values come in pairs: name, value");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
