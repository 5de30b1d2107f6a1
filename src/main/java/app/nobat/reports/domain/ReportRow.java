package app.nobat.reports.domain;

import java.util.Map;

/**
 * The figures of one row of a report. Durations in seconds; a median is the middle value (the mean
 * of the two middle values of an even count), a 90th percentile the nearest rank (the smallest
 * value at or above which 90 % of them lie). Figures of an empty set are null.
 *
 * @param key the row's day (ISO date), service code, desk id, staff id or hour ({@code 00}–{@code 23}),
 *     or {@code total}
 * @param withinTarget waits at most their service's target wait
 * @param withinTargetShare withinTarget over waits counted
 */
public record ReportRow(
        String key,
        int arrivals,
        int walkIns,
        int appointmentArrivals,
        int carriedIn,
        int called,
        int calledOutOfTurn,
        int recalls,
        int returnedToQueue,
        int served,
        int transferredOut,
        int transferredIn,
        int noShows,
        int cancelled,
        int closedUnserved,
        int carriedOver,
        Map<String, Integer> priorityClasses,
        int waits,
        Double waitMeanSeconds,
        Double waitMedianSeconds,
        Integer waitP90Seconds,
        Integer waitMaxSeconds,
        int withinTarget,
        Double withinTargetShare,
        int services,
        Double serviceMeanSeconds,
        Double serviceMedianSeconds,
        Integer serviceP90Seconds,
        Integer serviceMaxSeconds,
        int appointmentsBooked,
        int appointmentsCancelled,
        int appointmentsMovedOut,
        int appointmentsCheckedIn,
        int appointmentsMissed) {}
