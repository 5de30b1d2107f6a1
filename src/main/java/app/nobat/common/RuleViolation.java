package app.nobat.common;

import java.util.Map;

/**
 * A command that breaks a business rule in the current state (answered as 409). {@code details}
 * become extra members of the problem answer (e.g. when a check-in window opens).
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public RuleViolation(String code, String message) {
        this(code, message, Map.of());
    }

    public RuleViolation(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
