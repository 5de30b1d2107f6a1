package app.nobat.booking.domain;

import app.nobat.common.Digits;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The code a visitor reads aloud and types: 8 characters from 31 that no one confuses (no 0/O,
 * 1/I/L), shown as {@code XXXX-XXXX}; about 40 bits, drawn from a secure random source.
 */
public final class BookingCode {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;

    private BookingCode() {}

    public static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The canonical form of what a visitor typed: any case, with or without the dash or spaces,
     * Persian digits allowed; empty when it cannot be a booking code.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String compact = Digits.toLatin(typed).replaceAll("[\\s\\-_]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2));
    }
}
