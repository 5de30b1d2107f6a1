package app.nobat.planning.domain;

/**
 * One service as an M/M/c queue: visitors arrive at random at {@code arrivalsPerHour}, each takes
 * {@code meanServiceMinutes} on average (exponentially distributed), and {@code desks} desks serve
 * one shared line in turn. Minutes are the unit inside, as the waits are read in minutes.
 */
public record QueueModel(double arrivalsPerHour, double meanServiceMinutes, int desks) {

    public QueueModel {
        if (!(arrivalsPerHour >= 0) || !(meanServiceMinutes > 0) || desks < 1) {
            throw new IllegalArgumentException("arrivals of 0 or more, a service time above 0 and a desk at least");
        }
    }

    /** a = λ/μ in Erlangs: how many desks would be busy on average if there were enough of them. */
    public double offeredLoad() {
        return arrivalsPerHour / 60 * meanServiceMinutes;
    }

    /**
     * The long-run waits, with the share of visitors who wait at most {@code targetWaitMinutes}: the
     * wait of those who wait is exponential with rate cμ − λ, so that share is 1 − C·e^{−(cμ−λ)t},
     * and the mean wait is Wq = C / (cμ − λ).
     */
    public QueueOutlook outlook(double targetWaitMinutes) {
        double load = offeredLoad();
        double utilisation = load / desks;
        if (utilisation >= 1) {
            return new QueueOutlook.Overloaded(utilisation);
        }
        double waiting = ErlangC.probabilityOfWaiting(desks, load);
        // cμ − λ per minute: how fast the line drains while every desk is busy
        double drain = desks / meanServiceMinutes - arrivalsPerHour / 60;
        return new QueueOutlook.Steady(
                utilisation, waiting, waiting / drain, 1 - waiting * Math.exp(-drain * targetWaitMinutes));
    }
}
