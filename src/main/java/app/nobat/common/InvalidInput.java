package app.nobat.common;

import java.util.Map;

/**
 * Input that can never be valid, whatever the state (answered as 400). {@code field} is the JSON
 * pointer of the offending member of the request body (e.g. {@code /rules/1/capacity}), or null
 * when no single field is to blame; the refusal's code names the kind for clients to act on.
 */
public class InvalidInput extends Refused {

    private final String field;

    InvalidInput(Refusal refusal, String field, Map<String, ?> values) {
        super(refusal, values);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same refusal of the member at {@code field} (e.g. below the pointer of the record that refused it). */
    public InvalidInput at(String field) {
        return new InvalidInput(refusal(), field, values());
    }
}
