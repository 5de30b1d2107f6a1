package app.nobat.common;

/**
 * Refusals every context gives in the same words: the shapes of input (a member missing, out of its
 * bounds, repeated) and the centres and services that every context names.
 */
public enum CommonRefusal implements Refusal {
    REQUIRED("required", INVALID, "{member} is required"),
    OUT_OF_RANGE("out-of-range", INVALID, "'{member}' has a value that is not accepted"),
    OUT_OF_BOUNDS("out-of-bounds", INVALID, "{member} must be between {min} and {max}"),
    TOO_MANY_ITEMS("too-many-items", INVALID, "{member} has at most {max} entries"),
    AT_LEAST_ONE("at-least-one", INVALID, "{member} needs at least one entry"),
    DUPLICATE("duplicate", INVALID, "{member} '{value}' appears twice"),
    MALFORMED_ID("malformed-id", INVALID, "{member} must be 1 to 64 lower-case letters, digits or dashes"),
    UNKNOWN_LANGUAGE("unknown-language", INVALID, "{member} must be in fa, fa-AF, ps or en"),
    UNKNOWN_CENTRE("unknown-centre", NOT_FOUND, "Unknown centre '{centre}'"),
    UNKNOWN_SERVICE("unknown-service", NOT_FOUND, "Unknown service '{service}'");

    private final RefusalSpec spec;

    CommonRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
