package app.nobat.common;

/** A command that breaks a business rule in the current state (answered as 409). */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
