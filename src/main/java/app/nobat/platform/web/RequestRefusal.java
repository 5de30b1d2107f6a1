package app.nobat.platform.web;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/**
 * Refusals of a request as such, before or beside any context: unreadable bodies, addresses nothing
 * answers, Spring's own refusals, simultaneous changes, open streams and failures (see {@link Refusal}).
 */
public enum RequestRefusal implements Refusal {
    INVALID_INPUT("invalid-input", INVALID, "The request could not be read: it must be of the documented shape"),
    MALFORMED_JSON("malformed-json", INVALID, "The request body is not valid JSON"),
    BODY_REQUIRED("body-required", INVALID, "A JSON request body is required"),
    WRONG_TYPE("wrong-type", INVALID, "'{member}' must be {expected}"),
    PARAMETER("malformed-parameter", INVALID, "Parameter '{parameter}' is missing or malformed"),
    NOT_FOUND("not-found", Refusal.NOT_FOUND, "Nothing is recorded or served at this address"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "This address does not accept this method"),
    NOT_ACCEPTABLE("not-acceptable", 406, "The answer cannot be given in an accepted media type"),
    CONTENT_TOO_LARGE("content-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body must be JSON"),
    REFUSED("refused", INVALID, "The request was refused"),
    CONCURRENT_UPDATE(
            "concurrent-update",
            CONFLICT,
            "Someone else changed the same floor or appointments at the same moment; please retry"),
    TOO_MANY_STREAMS("too-many-streams", TOO_MANY, "Too many live streams are open {scope}; close one and try again"),
    INTERNAL("internal", 500, "Something went wrong on our side; the request may be retried");

    private final RefusalSpec spec;

    RequestRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
