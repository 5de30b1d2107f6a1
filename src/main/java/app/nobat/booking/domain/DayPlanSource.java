package app.nobat.booking.domain;

/** Where a day book learns its slots, the check-in window and the booking horizon. */
public interface DayPlanSource {

    /** @throws app.nobat.common.UnknownReference for an unknown centre or service */
    DayPlan planFor(DayBookId dayBook);
}
