package app.nobat.platform.axon;

import app.nobat.common.Actor;
import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.platform.mongo.StoreDurability;
import app.nobat.platform.web.Acting;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on MongoDB without Axon Server: our event storage engine (gap-aware global sequence, reads
 * by key), and the Mongo extension's token store (there are no sagas, so no saga store).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    static final int MAX_RETRIES = 12;
    private static final Logger log = LoggerFactory.getLogger(AxonConfig.class);

    /**
     * Snapshots hold an aggregate's private state: fields, not getters, so the domain classes need
     * no serialization annotations.
     */
    public static Serializer snapshotSerializer(ObjectMapper base) {
        ObjectMapper fields = base.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    /**
     * Events are stored under their registered names and revisions ({@link EventNames}), not their
     * Java class names (docs/event-versioning.md).
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, List<EventNames> names) {
        return NamedTypeSerializer.create(objectMapper, EventNames.merge(names));
    }

    /**
     * Stored events are read through the upcasters: format-1 class names to names first, then each
     * context's revisions in the order they were registered.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            MongoDatabase database,
            ObjectMapper objectMapper,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            EventStoreSettings settings,
            List<EventNames> names,
            ObjectProvider<EventUpcaster> upcasters,
            ObjectProvider<SnapshotFilter> snapshotFilters,
            DataFormat format) {
        format.checkAndRecord();
        List<EventUpcaster> chain = new ArrayList<>();
        chain.add(new FormatOneNames(EventNames.merge(names)));
        upcasters.orderedStream().forEach(chain::add);
        return MongoEventStorageEngine.builder()
                .database(database)
                .snapshotSerializer(snapshotSerializer(objectMapper))
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(chain))
                .snapshotFilter(
                        snapshotFilters.orderedStream().reduce(SnapshotFilter.allowAll(), SnapshotFilter::combine))
                .gapTimeout(settings.gapTimeout())
                .batchSize(settings.batchSize())
                .build();
    }

    @Bean
    DataFormat dataFormat(MongoDatabase database) {
        return new DataFormat(database);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** A command is answered only after its events are durable in the store. */
    @Bean
    SmartInitializingSingleton durableCommands(CommandBus commandBus, StoreDurability durability) {
        return () -> commandBus.registerHandlerInterceptor(
                (MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
                    unitOfWork.afterCommit(u -> durability.flush());
                    return chain.proceed();
                });
    }

    /**
     * Retries a command only when the store refused its events as a concurrent modification (two
     * nodes writing one floor); rule violations are answers, never retried. Commands that may be
     * retried are idempotent (call-next by its request id).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
        RetryScheduler onlyConcurrency = (command, failure, attempts, dispatch) -> {
            boolean concurrent =
                    failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException;
            if (!concurrent || attempts.size() > MAX_RETRIES) {
                return false;
            }
            log.info(
                    "Retrying {} (attempt {}) after a concurrent update: {}",
                    command.getPayloadType().getSimpleName(),
                    attempts.size() + 1,
                    failure.getMessage());
            // exponential backoff with full jitter, so that two nodes contending for one floor drift apart
            long ceiling = Math.min(1000, 10L << Math.min(attempts.size(), 6));
            retries.schedule(dispatch, ThreadLocalRandom.current().nextLong(1, ceiling + 1), TimeUnit.MILLISECONDS);
            return true;
        };
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(onlyConcurrency)
                .dispatchInterceptors(actorMetaData())
                .build();
    }

    /**
     * Names the request's actor on each command (at the gateway, so that a retried command keeps it);
     * the correlation provider below copies it onto every event the command causes.
     */
    static MessageDispatchInterceptor<CommandMessage<?>> actorMetaData() {
        return messages -> (index, command) -> Acting.current()
                .filter(actor -> !command.getMetaData().containsKey(Actor.ID_KEY))
                .<CommandMessage<?>>map(actor -> {
                    Map<String, Object> meta = new HashMap<>();
                    meta.put(Actor.ID_KEY, actor.id());
                    if (actor.role() != null) {
                        meta.put(Actor.ROLE_KEY, actor.role());
                    }
                    return command.andMetaData(meta);
                })
                .orElse(command);
    }

    /**
     * Every tracking processor takes the events waiting for it in batches, storing its token once a
     * batch rather than once an event (or once every ten events it passes over): under load the
     * tokens cost fewer writes. Handlers are idempotent by each event (a crash already replays the
     * events after the last stored token). Processors with a configuration of their own set their
     * batch there.
     */
    @Bean
    ConfigurerModule processorsTakeBatches() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(PROCESSOR_BATCH)));
    }

    /** Events per batch of a tracking processor: a few seconds of a busy node at most. */
    public static final int PROCESSOR_BATCH = 50;

    /** Axon's message origin (correlation and trace ids), plus who acted. */
    @Bean
    CorrelationDataProvider correlationData() {
        return new MultiCorrelationDataProvider<>(
                List.of(new MessageOriginProvider(), new SimpleCorrelationDataProvider(Actor.ID_KEY, Actor.ROLE_KEY)));
    }
}
