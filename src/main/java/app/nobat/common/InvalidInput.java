package app.nobat.common;

/** Input that can never be valid, whatever the state (answered as 400). */
public class InvalidInput extends RuntimeException {

    public InvalidInput(String message) {
        super(message);
    }
}
