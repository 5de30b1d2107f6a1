package app.nobat.floor.domain;

import app.nobat.common.CommonRefusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The floor of one centre on one day: the aggregate's identifier is {@code centreId:yyyy-MM-dd}.
 * Visit ids are {@code floorId:suffix}, so any visit command finds its floor without a look-up.
 */
public record FloorId(String centreId, LocalDate day) {

    private static final Pattern CENTRE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public FloorId {
        if (centreId == null || !CENTRE_ID.matcher(centreId).matches()) {
            throw CommonRefusal.MALFORMED_ID.with("member", "centreId");
        }
        if (day == null) {
            throw CommonRefusal.REQUIRED.with("member", "day");
        }
    }

    public static FloorId parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw FloorRefusal.MALFORMED_FLOOR_ID.with("floor", value);
        }
        try {
            return new FloorId(value.substring(0, colon), LocalDate.parse(value.substring(colon + 1)));
        } catch (DateTimeParseException e) {
            throw FloorRefusal.MALFORMED_FLOOR_ID.with("floor", value);
        }
    }

    /** The floor a visit id belongs to. */
    public static FloorId ofVisit(String visitId) {
        int last = visitId == null ? -1 : visitId.lastIndexOf(':');
        if (last < 0) {
            throw FloorRefusal.MALFORMED_VISIT_ID.with("visit", visitId);
        }
        return parse(visitId.substring(0, last));
    }

    public String visitId(String suffix) {
        return this + ":" + suffix;
    }

    @Override
    public String toString() {
        return centreId + ":" + day;
    }
}
