package app.nobat.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Input that can never be valid, whatever the state (answered as 400). {@code field} is the JSON
 * pointer of the offending member of the request body (e.g. {@code /rules/1/capacity}), or null
 * when no single field is to blame; the refusal's code names the kind for clients to act on. A form
 * with several wrong fields is refused once, naming each ({@link #together}), so that the visitor
 * mends them all at once.
 */
public class InvalidInput extends Refused {

    private final String field;
    private final List<InvalidInput> others;

    InvalidInput(Refusal refusal, String field, Map<String, ?> values) {
        this(refusal, field, values, List.of());
    }

    private InvalidInput(Refusal refusal, String field, Map<String, ?> values, List<InvalidInput> others) {
        super(refusal, values);
        this.field = field;
        this.others = List.copyOf(others);
    }

    public String field() {
        return field;
    }

    /** This refusal and the others raised with it, in the order of the form. */
    public List<InvalidInput> each() {
        List<InvalidInput> all = new ArrayList<>(1 + others.size());
        all.add(this);
        all.addAll(others);
        return all;
    }

    /** The same refusal of the member at {@code field} (e.g. below the pointer of the record that refused it). */
    public InvalidInput at(String field) {
        return new InvalidInput(refusal(), field, values(), others);
    }

    /** One refusal naming every wrong field: the first answers for the problem's code, all are listed. */
    public static InvalidInput together(List<InvalidInput> refusals) {
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("no refusal to raise");
        }
        InvalidInput first = refusals.get(0);
        List<InvalidInput> rest = new ArrayList<>();
        refusals.stream().skip(1).forEach(r -> rest.addAll(r.each()));
        return new InvalidInput(first.refusal(), first.field(), first.values(), rest);
    }
}
