package app.nobat.booking.domain;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A day book read in one piece.
 *
 * @param taken seats taken per slot (booked or checked in; a missed seat stays taken: it is never re-sold)
 * @param counts appointments per status, kept after personal data is erased
 */
public record DayBookView(
        String dayBookId,
        Map<LocalTime, Integer> taken,
        List<Appointment> appointments,
        Map<AppointmentStatus, Integer> counts) {}
