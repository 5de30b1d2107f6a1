package app.nobat.platform.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readiness of the event processors on this node (see {@link ProcessorLag}): DOWN when one is in
 * error or stopped, OUT_OF_SERVICE when one is more than the limit behind the store's head (a node
 * that is still replaying its live boards after a start is not ready yet), UP otherwise. When the
 * store's head cannot be read, only errors count and the status is UNKNOWN (the store's own check
 * is DOWN then).
 */
final class EventProcessorHealth implements ReactiveHealthIndicator {

    private final ProcessorLag lag;
    private final OneAtATime<Long> head;

    EventProcessorHealth(ProcessorLag lag, Duration timeout) {
        this.lag = lag;
        this.head = new OneAtATime<>(lag::headPosition, timeout);
    }

    @Override
    public Mono<Health> health() {
        return head.answer()
                .map(OptionalLong::of)
                .onErrorResume(e -> Mono.just(OptionalLong.empty()))
                .publishOn(Schedulers.boundedElastic())
                .map(position -> health(position, lag.states(position)));
    }

    Health health(OptionalLong head, List<ProcessorLag.State> states) {
        Status status = head.isPresent() ? Status.UP : Status.UNKNOWN;
        if (states.stream().anyMatch(s -> s.status().equals(Status.DOWN))) {
            status = Status.DOWN;
        } else if (states.stream().anyMatch(s -> s.status().equals(Status.OUT_OF_SERVICE))) {
            status = Status.OUT_OF_SERVICE;
        }
        Map<String, Object> processors = new LinkedHashMap<>();
        for (ProcessorLag.State s : states) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", s.status().getCode());
            detail.put("lag", s.lag());
            detail.put("segments", s.segments());
            if (s.problem() != null) {
                detail.put("problem", s.problem());
            }
            if (s.error() != null) {
                detail.put("error", s.error());
            }
            processors.put(s.processor(), detail);
        }
        Health.Builder health = Health.status(status).withDetail("lagLimit", lag.limit());
        if (head.isPresent()) {
            health.withDetail("head", head.getAsLong());
        } else {
            health.withDetail("head", "unknown: the store did not answer");
        }
        return health.withDetail("processors", processors).build();
    }
}
