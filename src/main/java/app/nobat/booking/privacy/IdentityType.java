package app.nobat.booking.privacy;

import java.util.regex.Pattern;

/**
 * The documents a foreign national in Iran books with, and the shape of each number (after
 * Persian digits are read as Latin and spaces and dashes are dropped).
 */
public enum IdentityType {
    /** The 12-digit foreign-national identification number (شماره اختصاصی اتباع / کد یکتا). */
    FOREIGN_NATIONAL_ID("\\d{12}", "12 digits"),
    /** Amayesh card of a registered refugee. */
    AMAYESH("\\d{7,12}", "7 to 12 digits"),
    /** The slip of the headcount (census) of undocumented nationals. */
    CENSUS_SLIP("\\d{6,12}", "6 to 12 digits"),
    /** A passport: letters and digits, as printed. */
    PASSPORT("[A-Z]{0,2}\\d{6,9}", "up to two letters then 6 to 9 digits");

    private final Pattern shape;
    private final String described;

    IdentityType(String shape, String described) {
        this.shape = Pattern.compile(shape);
        this.described = described;
    }

    public boolean accepts(String normalizedNumber) {
        return shape.matcher(normalizedNumber).matches();
    }

    public String described() {
        return described;
    }
}
