package app.nobat.eventstore;

import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Axon's own storage-engine contract tests (from the {@code axon-eventsourcing} test jar, the same ones Axon runs
 * against its JPA, JDBC and in-memory engines), run against {@link MongoEventStorageEngine} on an embedded store.
 */
class MongoEventStorageEngineContractTest
        extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    private EmbeddedMongo mongo;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        setTestSubject(createEngine());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        Serializer serializer = TestEvents.serializer();
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .database(mongo.database())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
        return customization.apply(builder).build();
    }
}
