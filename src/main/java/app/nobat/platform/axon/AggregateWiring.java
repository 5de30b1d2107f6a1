package app.nobat.platform.axon;

import app.nobat.platform.mongo.MongoSettings;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Revision;

/** How busy aggregates are registered: snapshots every so many events, and a cache where it is safe. */
public final class AggregateWiring {

    private static final Executor SNAPSHOTS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "aggregate-snapshots");
        t.setDaemon(true);
        return t;
    });

    private AggregateWiring() {}

    /**
     * A node may keep aggregates in memory between commands only when no other node writes them: a
     * stale cached aggregate would decide on old state. So by default the cache is on for the
     * private embedded store and off when the store is shared (a URI, or a fixed embedded port).
     */
    public static boolean cacheAllowed(MongoSettings mongo, AggregateCacheSettings configured) {
        if (configured.cache() != null) {
            return configured.cache();
        }
        return mongo.embedded() && mongo.embeddedPort() == 0;
    }

    /** {@code cache} where {@link #cacheAllowed} says so, else null (no cache). */
    public static Cache cacheIfAllowed(Cache cache, MongoSettings mongo, AggregateCacheSettings configured) {
        return cacheAllowed(mongo, configured) ? cache : null;
    }

    /**
     * The aggregate with a snapshot every {@code every} events (taken off the command path, one at a
     * time) and, when {@code cache} is given, an in-memory cache.
     */
    public static <T> AggregateConfigurer<T> snapshotted(Class<T> type, int every, Cache cache) {
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type);
        if (cache != null) {
            aggregate.configureCache(c -> cache);
        }
        return aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                AggregateSnapshotter.builder()
                        .eventStore(c.eventStore())
                        // the model as the application sees it, with its injectable resources
                        .aggregateFactories(
                                new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                        type, c.parameterResolverFactory(), c.handlerDefinition(type))))
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(type))
                        .executor(SNAPSHOTS)
                        .build(),
                every));
    }

    /**
     * Reads only snapshots of the aggregate's current {@code @Revision}: an older snapshot is
     * skipped (the aggregate is rebuilt from its events and snapshotted again), never half-read.
     */
    public static SnapshotFilter snapshotRevision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalStateException(type.getSimpleName() + " is snapshotted but has no @Revision");
        }
        // the aggregate's type as Axon writes it on its events and snapshots: its simple name (no aggregate here
        // declares another); not from Axon's aggregate model, which would need the handlers' Spring-provided
        // parameters before the application context has them
        String aggregateType = type.getSimpleName();
        return RevisionSnapshotFilter.builder()
                .type(aggregateType)
                .revision(revision.value())
                .build();
    }
}
