package app.nobat.access;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What access control refuses: credentials, roles, centres, passwords and floods (see {@link Refusal}). */
public enum AccessRefusal implements Refusal {
    UNAUTHENTICATED("unauthenticated", Refusal.UNAUTHENTICATED, "Sign in, or give a device token, to do this"),
    SIGN_IN_FAILED("sign-in-failed", Refusal.UNAUTHENTICATED, "Wrong username or password"),
    UNSUPPORTED_AUTHORIZATION(
            "unsupported-authorization",
            Refusal.UNAUTHENTICATED,
            "Give one Authorization header: Basic with a staff account, or Device with a device token"),
    BAD_DEVICE_TOKEN("bad-device-token", Refusal.UNAUTHENTICATED, "The device token is unknown or revoked"),
    FORBIDDEN("forbidden", Refusal.FORBIDDEN, "Your role or device may not do this"),
    CSRF_TOKEN(
            "csrf-token", Refusal.FORBIDDEN, "A change from a signed-in page needs its XSRF token (missing or wrong)"),
    NOT_YOUR_CENTRE("not-your-centre", Refusal.FORBIDDEN, "This account acts only at {centres}"),
    ALL_CENTRES_ONLY(
            "all-centres-only",
            Refusal.FORBIDDEN,
            "Staff accounts and device tokens are administered by accounts of all centres"),
    REJECTED_REQUEST("rejected-request", INVALID, "The request's path or headers are not accepted"),
    TOO_MANY_REQUESTS(
            "too-many-requests",
            TOO_MANY,
            "Too many requests from this client; try again in {retryAfterSeconds} seconds"),
    TOO_MANY_SIGN_IN_FAILURES(
            "too-many-sign-in-failures",
            TOO_MANY,
            "Too many failed sign-ins for this account or from this address; try again in {retryAfterSeconds} seconds"),
    NO_SUCH_CENTRE("no-such-centre", INVALID, "centres: there is no centre '{centre}'"),
    STAFF_EXISTS("staff-exists", CONFLICT, "There is already a staff account of that name"),
    MALFORMED_USERNAME(
            "malformed-username",
            INVALID,
            "username is 3 to 64 lower-case letters, digits, dots, dashes or underscores"),
    MALFORMED_DEVICE_ID("malformed-device-id", INVALID, "deviceId is 3 to 64 lower-case letters, digits, . _ -"),
    UNKNOWN_STAFF("unknown-staff", NOT_FOUND, "Unknown staff '{staff}'"),
    UNKNOWN_DEVICE("unknown-device", NOT_FOUND, "Unknown device '{device}'"),
    PASSWORD_REQUIRED("password-required", INVALID, "password is required"),
    PASSWORD_TOO_SHORT("password-too-short", INVALID, "password must have at least {min} characters"),
    PASSWORD_TOO_LONG("password-too-long", INVALID, "password must have at most {max} characters"),
    PASSWORD_CONTAINS_USERNAME("password-contains-username", INVALID, "password must not contain the username"),
    PASSWORD_TOO_COMMON("password-too-common", INVALID, "password is too common; choose a passphrase of your own");

    private final RefusalSpec spec;

    AccessRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
