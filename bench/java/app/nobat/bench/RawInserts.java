package app.nobat.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The store's own pace: single-document {@code insertOne} through the real driver, a given number in
 * flight. The baseline the benchmarks divide the application's rates by.
 */
final class RawInserts {

    private RawInserts() {}

    /** Inserts per second of {@code count} small documents into a fresh collection, {@code inFlight} at a time. */
    static double perSecond(MongoDatabase database, String collectionName, int count, int inFlight) {
        MongoCollection<Document> collection = database.getCollection(collectionName);
        long started = System.nanoTime();
        Flux.range(0, count)
                .flatMap(
                        i -> Mono.fromRunnable(() -> collection.insertOne(new Document("_id", collectionName + i)
                                        .append("slot", "09:00")
                                        .append("n", i)
                                        .append("payload", "x".repeat(200))))
                                .subscribeOn(Schedulers.boundedElastic()),
                        inFlight)
                .blockLast();
        return count / ((System.nanoTime() - started) / 1e9);
    }
}
