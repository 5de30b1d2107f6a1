package app.nobat.platform.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A blocking check of the store that probes may ask for often: at most one runs at a time (callers
 * meanwhile share its answer), and none waits for it longer than its timeout. A store that does
 * not answer therefore holds one thread, however often a load balancer asks.
 */
final class OneAtATime<T> {

    private final Supplier<T> check;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<T>> running = new AtomicReference<>();

    OneAtATime(Supplier<T> check, Duration timeout) {
        this.check = check;
        this.timeout = timeout;
    }

    Mono<T> answer() {
        return Mono.defer(() -> Mono.fromFuture(current(), true)).timeout(timeout);
    }

    private CompletableFuture<T> current() {
        while (true) {
            CompletableFuture<T> now = running.get();
            if (now != null && !now.isDone()) {
                return now;
            }
            CompletableFuture<T> next = new CompletableFuture<>();
            if (running.compareAndSet(now, next)) {
                Schedulers.boundedElastic().schedule(() -> {
                    try {
                        next.complete(check.get());
                    } catch (RuntimeException | Error e) {
                        next.completeExceptionally(e);
                    }
                });
                return next;
            }
        }
    }
}
