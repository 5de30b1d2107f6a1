package app.nobat.floor.domain;

import java.util.regex.Pattern;

/**
 * A clerk's note on a call out of turn or a return to the queue ("back from the photo shop"): an
 * optional line beside the chosen reason, stored on the event and shown on the visit's timeline.
 * Events carry no personal data, so a note is short and may not hold a long number (an identity or
 * phone number, in any script's digits, spaced or not).
 */
public final class DeskNote {

    public static final int MAX_LENGTH = 120;

    /** Six or more digits in a row, single spaces, dashes or dots between them allowed. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\p{Nd}(?:[ .\\-]?\\p{Nd}){5,}");

    private DeskNote() {}

    /**
     * The note as stored: trimmed, inner runs of white space made one space, null when blank.
     *
     * @throws app.nobat.common.InvalidInput {@code note-too-long} or {@code note-has-number}
     */
    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        String note = raw.strip().replaceAll("\\s+", " ");
        if (note.isEmpty()) {
            return null;
        }
        if (note.length() > MAX_LENGTH) {
            throw FloorRefusal.NOTE_TOO_LONG.at("/note", "max", MAX_LENGTH);
        }
        if (LONG_NUMBER.matcher(note).find()) {
            throw FloorRefusal.NOTE_HAS_NUMBER.at("/note");
        }
        return note;
    }
}
