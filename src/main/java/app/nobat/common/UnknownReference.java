package app.nobat.common;

/** A command or query that names something that does not exist (answered as 404). */
public class UnknownReference extends RuntimeException {

    private final String kind;

    public UnknownReference(String kind, String id) {
        super("Unknown " + kind + " '" + id + "'");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
