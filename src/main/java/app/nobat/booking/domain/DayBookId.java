package app.nobat.booking.domain;

import app.nobat.common.CommonRefusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The appointments of one service at one centre on one day: {@code centreId:serviceCode:yyyy-MM-dd}. */
public record DayBookId(String centreId, String serviceCode, LocalDate date) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public DayBookId {
        if (centreId == null || !CODE.matcher(centreId).matches()) {
            throw CommonRefusal.MALFORMED_ID.with("member", "centreId");
        }
        if (serviceCode == null || !CODE.matcher(serviceCode).matches()) {
            throw CommonRefusal.MALFORMED_ID.with("member", "serviceCode");
        }
        if (date == null) {
            throw CommonRefusal.REQUIRED.with("member", "date");
        }
    }

    public static DayBookId parse(String value) {
        String[] parts = value == null ? new String[0] : value.split(":");
        if (parts.length != 3) {
            throw BookingRefusal.MALFORMED_DAY_BOOK_ID.with("dayBook", value);
        }
        try {
            return new DayBookId(parts[0], parts[1], LocalDate.parse(parts[2]));
        } catch (DateTimeParseException e) {
            throw BookingRefusal.MALFORMED_DAY_BOOK_ID.with("dayBook", value);
        }
    }

    @Override
    public String toString() {
        return centreId + ":" + serviceCode + ":" + date;
    }
}
