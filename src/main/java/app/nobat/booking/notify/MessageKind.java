package app.nobat.booking.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The messages a visitor gets, each with the placeholders its text may use. */
public enum MessageKind {
    BOOKED("booked", List.of("centre", "service", "date", "time", "code")),
    MOVED("moved", List.of("centre", "service", "date", "time", "code")),
    REMINDER("reminder", List.of("centre", "service", "date", "time", "code")),
    TURN_NEAR("turn-near", List.of("centre", "ticket", "position")),
    GO_TO_DESK("go-to-desk", List.of("centre", "ticket", "desk"));

    private final String key;
    private final List<String> placeholders;

    MessageKind(String key, List<String> placeholders) {
        this.key = key;
        this.placeholders = placeholders;
    }

    public String key() {
        return key;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    /** Carries the visitor's booking code, which only the personal-data store holds. */
    public boolean carriesCode() {
        return placeholders.contains("code");
    }

    public static Optional<MessageKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
