package app.nobat.floor.wiring;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.Centre;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoardProjection;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.floor.board.FloorFeed;
import app.nobat.floor.board.FloorFeedProjection;
import app.nobat.floor.board.FloorQueries;
import app.nobat.floor.domain.Floor;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.FloorSettingsSource;
import app.nobat.floor.history.FloorHistory;
import app.nobat.platform.axon.AggregateCacheSettings;
import app.nobat.platform.axon.AggregateWiring;
import app.nobat.platform.axon.EventNames;
import app.nobat.platform.mongo.MongoSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class FloorConfig {

    @Bean
    EventNames floorEventNames() {
        return FloorEventNames.NAMES;
    }

    @Bean
    EventUpcaster floorStartedUpcaster() {
        return new FloorStartedUpcaster();
    }

    @Bean
    SnapshotFilter floorSnapshots() {
        return AggregateWiring.snapshotRevision(Floor.class);
    }

    /** A busy day has thousands of floor events; a snapshot every few hundred keeps a cold load short. */
    static final int SNAPSHOT_EVERY = 250;
    /** Events per batch of the stored boards: about a minute of a busy floor at most. */
    static final int BOARD_BATCH = 100;

    /** The system clock; tests that move time provide their own. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The floor and centre aggregates, registered here so the domain classes carry no Spring. */
    @Bean
    ConfigurerModule aggregates(Cache aggregateCache, MongoSettings mongo, AggregateCacheSettings cacheSetting) {
        Cache cache = AggregateWiring.cacheIfAllowed(aggregateCache, mongo, cacheSetting);
        return configurer -> configurer
                .configureAggregate(AggregateWiring.snapshotted(Floor.class, SNAPSHOT_EVERY, cache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Centre.class));
    }

    @Bean
    FloorSettingsSource floorSettingsSource(ObjectProvider<Configuration> axon, FloorBoardRepository boards) {
        return new CentreFloorSettings(() -> axon.getObject().repository(Centre.class), boards);
    }

    @Bean
    FloorBoardRepository floorBoardRepository(MongoDatabase database, ObjectMapper json) {
        return new FloorBoardRepository(database, json);
    }

    @Bean
    FloorFeed floorFeed(FloorBoardRepository boards, CentreCatalog catalog, Clock clock) {
        return new FloorFeed(centreId -> {
            ZoneId zone =
                    catalog.find(centreId).map(c -> ZoneId.of(c.timeZone())).orElse(ZoneId.of("UTC"));
            FloorId today = new FloorId(centreId, LocalDate.now(clock.withZone(zone)));
            return boards.board(today.toString()).orElseGet(() -> {
                FloorBoard empty = new FloorBoard();
                empty.floorId = today.toString();
                empty.centreId = centreId;
                empty.day = today.day().toString();
                return empty;
            });
        });
    }

    @Bean
    FloorQueries floorQueries(CentreCatalog catalog, FloorBoardRepository boards, FloorFeed feed, Clock clock) {
        return new FloorQueries(catalog, boards, feed, clock);
    }

    /** The floors' days as their events tell them: time travel and explanations. */
    @Bean
    FloorHistory floorHistory(EventStore events) {
        return new FloorHistory(events);
    }

    @Bean
    FloorBoardProjection floorBoardProjection(FloorBoardRepository boards) {
        return new FloorBoardProjection(boards);
    }

    /**
     * The stored boards take the events in batches (a board is written once a batch, so a busy floor
     * costs fewer writes as it gets busier); a failed write fails the batch, which is handled again,
     * instead of being logged and passed over.
     */
    @Bean
    ConfigurerModule floorBoardProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(
                        FloorBoardProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(
                        FloorBoardProjection.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BOARD_BATCH)));
    }

    @Bean
    FloorFeedProjection floorFeedProjection(FloorFeed feed, FloorBoardRepository boards, ObjectMapper json) {
        return new FloorFeedProjection(feed, boards, json);
    }

    /**
     * Every node follows the event stream itself for its live screens: an in-memory token that
     * starts a day and a half back, so that today's floors are rebuilt in memory at start-up.
     */
    @Bean
    ConfigurerModule nodeLocalFeed(Clock clock) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(FloorFeedProjection.PROCESSING_GROUP, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessorConfiguration(
                        FloorFeedProjection.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(source ->
                                        source.createTokenAt(clock.instant().minus(Duration.ofHours(36))))));
    }
}
