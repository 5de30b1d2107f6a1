package app.nobat.common;

/** Visitors type on Persian and Arabic keyboards: their digits mean the same as Latin ones. */
public final class Digits {

    private Digits() {}

    /** Replaces Persian (U+06F0..) and Arabic-Indic (U+0660..) digits with Latin digits. */
    public static String toLatin(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
