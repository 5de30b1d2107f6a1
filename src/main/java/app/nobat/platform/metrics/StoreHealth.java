package app.nobat.platform.metrics;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Readiness of the store: the database the application uses answers a {@code ping} within the
 * timeout. DOWN otherwise, with the failure's type (never the driver's message, which names hosts).
 */
final class StoreHealth implements ReactiveHealthIndicator {

    private final String database;
    private final String kind;
    private final Duration timeout;
    private final OneAtATime<Long> ping;

    StoreHealth(MongoDatabase database, boolean embedded, Duration timeout) {
        this.database = database.getName();
        this.kind = embedded ? "embedded" : "mongodb";
        this.timeout = timeout;
        this.ping = new OneAtATime<>(
                () -> {
                    long start = System.nanoTime();
                    database.runCommand(new Document("ping", 1));
                    return (System.nanoTime() - start) / 1_000_000;
                },
                timeout);
    }

    @Override
    public Mono<Health> health() {
        return ping.answer()
                .map(millis -> Health.up()
                        .withDetail("database", database)
                        .withDetail("store", kind)
                        .withDetail("pingMillis", millis)
                        .build())
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("database", database)
                        .withDetail("store", kind)
                        .withDetail(
                                "error",
                                e instanceof TimeoutException
                                        ? "no answer within " + timeout.toMillis() + " ms"
                                        : e.getClass().getSimpleName())
                        .build()));
    }
}
