package app.nobat.common;

import java.util.Map;

/** The caller is known but may not do this to this thing (answered as 403), e.g. another staff member's desk. */
public class NotPermitted extends Refused {

    NotPermitted(Refusal refusal, Map<String, ?> values) {
        super(refusal, values);
    }
}
