package app.nobat.floor.domain;

/**
 * Why a ticket was called: recorded on every call so that "I was skipped" can be checked by replay.
 *
 * @param priorityCapApplied true when the desk had reached the limit of priority calls in a row,
 *                           so only regular tickets were eligible
 */
public record CallReason(
        PriorityClass priorityClass,
        double waitedMinutes,
        double weight,
        double boost,
        double score,
        boolean priorityCapApplied) {}
