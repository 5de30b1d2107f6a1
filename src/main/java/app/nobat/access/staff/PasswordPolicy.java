package app.nobat.access.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a staff password must be wherever one is set: 12 to 200 characters, counted as Unicode code
 * points so that a Persian passphrase counts its letters, not its bytes; not containing the user
 * name; not one of a list of common passwords ({@code access/common-passwords.txt}) nor a run of
 * one character.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private static final Set<String> COMMON = load("/access/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** A refused password: {@code code} is stable for clients, the message says what to do. */
    public static final class Refused extends IllegalArgumentException {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** @throws Refused naming the first rule the password breaks */
    public static void check(String username, String password) {
        if (password == null) {
            throw new Refused("password-required", "password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new Refused("password-too-short", "password must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new Refused("password-too-long", "password must have at most " + MAX_LENGTH + " characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw new Refused("password-contains-username", "password must not contain the username");
        }
        if (COMMON.contains(folded) || password.codePoints().distinct().count() == 1) {
            throw new Refused("password-too-common", "password is too common; choose a passphrase of your own");
        }
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
