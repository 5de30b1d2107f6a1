package app.nobat.common;

import java.util.Map;

/**
 * A command that breaks a business rule in the current state (answered as 409). Its named values
 * become members of the problem answer (e.g. when a check-in window opens).
 */
public class RuleViolation extends Refused {

    protected RuleViolation(Refusal refusal, Map<String, ?> values) {
        super(refusal, values);
    }

    /** The named values, as the problem's extra members. */
    public Map<String, Object> details() {
        return values();
    }
}
