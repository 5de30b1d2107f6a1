package app.nobat.platform.logging;

/**
 * Text bound for a log line, kept on that one line: control characters (line breaks included),
 * the Unicode line and paragraph separators and the bidirectional overrides are written as
 * {@code \\uXXXX}, so that a user name, a path or a header cannot start a forged entry or turn
 * the rest of a line around.
 */
public final class LogLines {

    private LogLines() {}

    public static String escape(String text) {
        if (text == null || text.codePoints().noneMatch(LogLines::unsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (unsafe(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static boolean unsafe(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
