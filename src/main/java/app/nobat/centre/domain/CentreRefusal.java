package app.nobat.centre.domain;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What a centre definition refuses (see {@link Refusal}); the shapes every context shares are in CommonRefusal. */
public enum CentreRefusal implements Refusal {
    CENTRE_ID_MISMATCH("centre-id-mismatch", INVALID, "The profile's centreId must be {centre}"),
    UNKNOWN_TIME_ZONE("unknown-time-zone", INVALID, "unknown time zone '{timeZone}'"),
    NAME_REQUIRED("name-required", INVALID, "{owner} needs a name in {language} (up to 200 characters)"),
    TICKET_PREFIX("ticket-prefix", INVALID, "service {service} needs a ticket prefix of one capital letter"),
    DESK_NAMES_UNKNOWN_SERVICE("desk-names-unknown-service", INVALID, "desk {desk} names unknown service '{service}'"),
    DOCUMENTS_UNKNOWN_SERVICE(
            "documents-unknown-service", INVALID, "documents to bring are listed for unknown service '{service}'"),
    CHANGED_MEANWHILE(
            "centre-changed-meanwhile",
            CONFLICT,
            "centre {centre} was changed meanwhile: the change was made to version {version}, the centre is at {current}"),
    OPENING_PERIOD("opening-period", INVALID, "an opening period needs a day and opens before it closes"),
    OVERLAPPING_OPENING_HOURS(
            "overlapping-opening-hours", INVALID, "opening period {period} overlaps period {other} on {day}"),
    // the centre's own voice clips of the display's announcements (centre.voice)
    VOICE_CLIP_KEY("voice-clip-key", INVALID, "'{key}' is not a word of the announcements"),
    VOICE_CLIP_TYPE(
            "voice-clip-type",
            415,
            "a voice clip must be audio/webm, audio/ogg, audio/mp4, audio/mpeg or audio/wav, and its bytes of that kind"),
    VOICE_CLIP_SIZE("voice-clip-size", 413, "a voice clip has 1 to {max} bytes"),
    UNKNOWN_VOICE_CLIP("unknown-voice-clip", NOT_FOUND, "centre {centre} has no recording of '{key}' in {language}");

    private final RefusalSpec spec;

    CentreRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
