package app.nobat.floor.domain;

import java.time.Instant;

public record ArrivalAnswer(String visitId, String ticket, String serviceCode, String trackingToken,
                           Instant arrivedAt) {
}
