package app.nobat.floor.web;

import java.time.LocalDate;

/**
 * The booking calendar, as the arrival endpoint needs it: whether a day is a holiday at a centre
 * (its own declared holidays, and the national ones it has not lifted), so that no walk-in ticket
 * is issued on a day the centre is closed.
 */
@FunctionalInterface
public interface CentreHolidays {

    boolean isHoliday(String centreId, LocalDate date);

    /** No holidays at all: for tests of the opening hours alone. */
    CentreHolidays NONE = (centreId, date) -> false;
}
