package app.nobat.common;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable, URL-safe identifiers (visit id suffixes, tracking tokens). */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {}

    /** {@code bytes} random bytes, base64url without padding. */
    public static String of(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
