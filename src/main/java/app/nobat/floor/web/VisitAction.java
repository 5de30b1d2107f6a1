package app.nobat.floor.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What staff did to a visit; its wire name is the last segment of the action's path. */
public enum VisitAction {
    RECALL,
    START,
    COMPLETE,
    TRANSFER,
    NO_SHOW,
    CANCEL,
    /** Back to the queue ({@code …/return}). */
    RETURN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
