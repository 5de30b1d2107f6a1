package app.nobat.reports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts and durations of one group (a day, a service, a desk, a staff member or an hour) of
 * one centre-day, kept whole so that a range of days gives exact medians and percentiles: every
 * wait and service time in seconds, in the order they happened. Public fields, so that the store
 * writes it as it is.
 */
public final class Tally {

    /** Arrivals without an appointment. */
    public int walkIns;
    /** Arrivals that checked in an appointment. */
    public int appointmentArrivals;
    /** Visits carried over from an earlier day into this day's queues (not counted as arrivals). */
    public int carriedIn;
    /** Arrivals by priority class (carried-in visits not counted). */
    public Map<String, Integer> priorityClasses = new TreeMap<>();
    /** Calls, by policy or by name; a recall is not a call. */
    public int called;

    public int calledOutOfTurn;
    public int recalls;
    /** Called tickets returned to their queue (their wait was counted at the first call). */
    public int returnedToQueue;

    public int served;
    /** Visits sent on to another service (counted in the service they left). */
    public int transferredOut;
    /** Visits received from another service (service rows only). */
    public int transferredIn;

    public int noShows;
    public int cancelled;
    /** Open visits closed unserved at the end of the day. */
    public int closedUnserved;
    /** Open visits carried over to the next opening day at closing. */
    public int carriedOver;
    /**
     * Waits in seconds by the service waited for: from joining its queue (arrival, transfer, or the
     * carry-over onto this day) to the first call there.
     */
    public Map<String, List<Integer>> waitSeconds = new TreeMap<>();
    /** Service times in seconds: from the start of service to its completion or transfer. */
    public List<Integer> serviceSeconds = new ArrayList<>();

    public int appointmentsBooked;
    public int appointmentsCancelled;
    public int appointmentsMovedOut;
    public int appointmentsCheckedIn;
    public int appointmentsMissed;

    /** Adds another tally's figures to this one. */
    public void add(Tally o) {
        walkIns += o.walkIns;
        appointmentArrivals += o.appointmentArrivals;
        carriedIn += o.carriedIn;
        o.priorityClasses.forEach((k, v) -> priorityClasses.merge(k, v, Integer::sum));
        called += o.called;
        calledOutOfTurn += o.calledOutOfTurn;
        recalls += o.recalls;
        returnedToQueue += o.returnedToQueue;
        served += o.served;
        transferredOut += o.transferredOut;
        transferredIn += o.transferredIn;
        noShows += o.noShows;
        cancelled += o.cancelled;
        closedUnserved += o.closedUnserved;
        carriedOver += o.carriedOver;
        o.waitSeconds.forEach(
                (k, v) -> waitSeconds.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        serviceSeconds.addAll(o.serviceSeconds);
        appointmentsBooked += o.appointmentsBooked;
        appointmentsCancelled += o.appointmentsCancelled;
        appointmentsMovedOut += o.appointmentsMovedOut;
        appointmentsCheckedIn += o.appointmentsCheckedIn;
        appointmentsMissed += o.appointmentsMissed;
    }
}
