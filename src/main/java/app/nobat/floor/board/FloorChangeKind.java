package app.nobat.floor.board;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a live-stream message says changed; its lower-case name is the SSE event name and the JSON value. */
public enum FloorChangeKind {
    /** The whole board, first on a new stream or after a gap. */
    SNAPSHOT,
    FLOOR,
    ARRIVAL,
    CALL,
    RECALL,
    QUEUE,
    DESK,
    CLOSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
