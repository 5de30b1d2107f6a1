package app.nobat.floor.web;

/**
 * The appointments context, as the arrival endpoint needs it: a check-in by booking code names
 * the visit to start, with the appointment boost of the queue policy.
 */
public interface AppointmentCheckIns {

    /**
     * @param newVisitId the visit id to use when this is the first check-in
     * @throws app.nobat.common.RuleViolation outside the check-in window, naming when it opens or that
     *                                        a walk-in ticket is the way
     */
    CheckedInArrival checkIn(String centreId, String code, String newVisitId);

    record CheckedInArrival(String visitId, String serviceCode, String appointmentRef) {}
}
