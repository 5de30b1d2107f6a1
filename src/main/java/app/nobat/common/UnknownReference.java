package app.nobat.common;

import java.util.Map;

/** A command or query that names something that does not exist (answered as 404). */
public class UnknownReference extends Refused {

    UnknownReference(Refusal refusal, Map<String, ?> values) {
        super(refusal, values);
    }
}
