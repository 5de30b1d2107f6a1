package app.nobat.planning.domain;

/** What an M/M/c queue promises its visitors in the long run: a steady wait, or a line without end. */
public sealed interface QueueOutlook {

    /** The offered load divided by the desks: the share of time a desk is busy. */
    double utilisation();

    /** Utilisation below 1: the line settles, and its waits are these. */
    record Steady(double utilisation, double probabilityOfWaiting, double meanWaitMinutes, double shareWithinTarget)
            implements QueueOutlook {}

    /** Utilisation 1 or more: visitors arrive faster than the desks serve them, the wait grows all day. */
    record Overloaded(double utilisation) implements QueueOutlook {}
}
