package app.nobat.access.staff;

import app.nobat.access.AccessRefusal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
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

    private PasswordPolicy() {}

    /** A refused password: its refusal's code is stable for clients, the message says what to do. */
    public static final class Refused extends IllegalArgumentException {
        private final transient AccessRefusal refusal;
        private final transient Map<String, Object> values;

        Refused(AccessRefusal refusal, Object... namesAndValues) {
            this(
                    refusal,
                    namesAndValues.length == 0 ? Map.of() : Map.of((String) namesAndValues[0], namesAndValues[1]));
        }

        private Refused(AccessRefusal refusal, Map<String, Object> values) {
            super(refusal.message(values));
            this.refusal = refusal;
            this.values = values;
        }

        public AccessRefusal refusal() {
            return refusal;
        }

        public String code() {
            return refusal.code();
        }

        public Map<String, Object> values() {
            return values;
        }
    }

    /** @throws Refused naming the first rule the password breaks */
    public static void check(String username, String password) {
        if (password == null) {
            throw new Refused(AccessRefusal.PASSWORD_REQUIRED);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new Refused(AccessRefusal.PASSWORD_TOO_SHORT, "min", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new Refused(AccessRefusal.PASSWORD_TOO_LONG, "max", MAX_LENGTH);
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw new Refused(AccessRefusal.PASSWORD_CONTAINS_USERNAME);
        }
        if (COMMON.contains(folded) || password.codePoints().distinct().count() == 1) {
            throw new Refused(AccessRefusal.PASSWORD_TOO_COMMON);
        }
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
