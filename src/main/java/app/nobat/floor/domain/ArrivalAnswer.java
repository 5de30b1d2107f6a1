package app.nobat.floor.domain;

import java.time.Instant;

/** @param position 1 when the visit is next in its service's queue; 0 once it is no longer waiting */
public record ArrivalAnswer(
        String visitId,
        String ticket,
        String serviceCode,
        PriorityClass priorityClass,
        String trackingToken,
        Instant arrivedAt,
        int position) {}
