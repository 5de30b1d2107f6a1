package app.nobat.common;

/** The caller is known but may not do this to this thing (answered as 403), e.g. another staff member's desk. */
public class NotPermitted extends RuntimeException {

    private final String code;

    public NotPermitted(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
