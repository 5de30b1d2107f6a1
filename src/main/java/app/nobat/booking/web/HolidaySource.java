package app.nobat.booking.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a holiday in the administrators' list comes from: the national calendar or the centre's own. */
public enum HolidaySource {
    NATIONAL,
    CENTRE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
