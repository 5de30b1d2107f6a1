package app.nobat.booking.notify;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What the editor of the visitors' message texts refuses (see {@link Refusal}). */
public enum MessageRefusal implements Refusal {
    UNKNOWN_PLACEHOLDER(
            "unknown-placeholder",
            INVALID,
            "{placeholder} is not a placeholder of the {kind} message; it may use {allowed}"),
    CODE_PLACEHOLDER_REQUIRED(
            "code-placeholder-required",
            INVALID,
            "The {kind} message must keep {placeholder}: the visitor reads, moves or cancels the appointment with it");

    private final RefusalSpec spec;

    MessageRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
