package app.nobat.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A raised {@link Refusal}: the entry of a catalog with its named values. Its subclasses say how it
 * is answered ({@link InvalidInput} 400, {@link NotPermitted} 403, {@link UnknownReference} 404,
 * {@link RuleViolation} 409); a refusal of another status (401, 429) is a plain {@code Refused}.
 */
public class Refused extends RuntimeException {

    static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    // catalog entries are enums, so a refusal survives serialization; its values may not
    private final Refusal refusal;
    private final transient Map<String, Object> values;

    protected Refused(Refusal refusal, Map<String, ?> values) {
        super(refusal.message(values));
        this.refusal = refusal;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        // every parameter is named at the raise site; checked where assertions run (the tests)
        assert values.keySet().containsAll(refusal.parameters())
                : refusal.code() + " needs " + refusal.parameters() + ", was given " + values.keySet();
        assert values.keySet().stream().noneMatch(Refusal.RESERVED::contains)
                : refusal.code() + " names a reserved problem member: " + values.keySet();
    }

    static Refused of(Refusal refusal, String field, Map<String, Object> values) {
        return switch (refusal.status()) {
            case Refusal.INVALID -> new InvalidInput(refusal, field, values);
            case Refusal.FORBIDDEN -> new NotPermitted(refusal, values);
            case Refusal.NOT_FOUND -> new UnknownReference(refusal, values);
            case Refusal.CONFLICT -> new RuleViolation(refusal, values);
            default -> new Refused(refusal, values);
        };
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }

    public int status() {
        return refusal.status();
    }

    /** The named values: the template's parameters and any further members of the problem. */
    public Map<String, Object> values() {
        return values == null ? Map.of() : values;
    }
}
