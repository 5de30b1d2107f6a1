package app.nobat.common;

/**
 * Input that can never be valid, whatever the state (answered as 400). {@code field} is the JSON
 * pointer of the offending member of the request body (e.g. {@code /rules/1/capacity}), or null
 * when no single field is to blame; {@code code} names the kind of refusal for clients to act on.
 */
public class InvalidInput extends RuntimeException {

    /** The code of a refusal that names no more precise kind. */
    public static final String INVALID = "invalid-input";

    private final String field;
    private final String code;

    public InvalidInput(String message) {
        this(INVALID, null, message);
    }

    public InvalidInput(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** A value outside its allowed range or shape. */
    public static InvalidInput outOfRange(String field, String message) {
        return new InvalidInput("out-of-range", field, message);
    }

    /** A member that must be given and is missing or null. */
    public static InvalidInput required(String field, String message) {
        return new InvalidInput("required", field, message);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
