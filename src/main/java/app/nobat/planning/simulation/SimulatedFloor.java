package app.nobat.planning.simulation;

import app.nobat.common.Actor;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.domain.Floor;
import app.nobat.floor.domain.FloorCommand;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.FloorSettingsSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The real {@link Floor} aggregate of one simulated day in a small in-memory Axon configuration: the
 * commands go through Axon's command bus, the floor's events are stored in memory and each one, as
 * it is committed, is applied to a {@link FloorBoard} with its sequence number and actor, as the
 * board's projection does. Single-threaded and synchronous: a command returns once its events are on
 * the board.
 */
final class SimulatedFloor implements AutoCloseable {

    private final Configuration axon;
    private final CommandGateway commands;
    private final FloorBoard board = new FloorBoard();

    private static final String NO_CONSOLE_BANNER = "disable-axoniq-console-message";

    static {
        // a configuration is built for every simulated day: Axon would print its console banner for each
        if (System.getProperty(NO_CONSOLE_BANNER) == null) {
            System.setProperty(NO_CONSOLE_BANNER, "true");
        }
    }

    /**
     * @param earlierDeskMinutes what the floor knows of the centre's earlier days as it starts
     * @param listener sees each event after the board has applied it
     */
    SimulatedFloor(FloorSettings settings, Map<String, Double> earlierDeskMinutes, Consumer<FloorEvent> listener) {
        FloorSettingsSource source = new FloorSettingsSource() {
            @Override
            public FloorSettings settingsFor(String centreId) {
                return settings;
            }

            @Override
            public Map<String, Double> earlierDeskMinutes(String centreId, LocalDate day) {
                return earlierDeskMinutes;
            }
        };
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Floor.class)
                        .configureCache(c -> new HeldAggregates())
                        // every floor command names its floor: read it directly rather than by
                        // scanning the command's annotations on each command (a quarter of Axon's time here)
                        .configureCommandTargetResolver(c -> command -> new VersionedAggregateIdentifier(
                                ((FloorCommand) command.getPayload()).floorId(), null)))
                .registerComponent(FloorSettingsSource.class, c -> source)
                // who acted travels from each command onto its events, as in the application
                .configureCorrelationDataProviders(
                        c -> List.of(new SimpleCorrelationDataProvider(Actor.ID_KEY, Actor.ROLE_KEY)))
                .buildConfiguration();
        axon.eventStore().subscribe(messages -> {
            for (EventMessage<?> message : messages) {
                DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                Object actor = event.getMetaData().get(Actor.ID_KEY);
                FloorEvent payload = (FloorEvent) event.getPayload();
                board.apply(payload, event.getSequenceNumber(), actor == null ? null : actor.toString());
                listener.accept(payload);
            }
        });
        axon.start();
        commands = axon.commandGateway();
    }

    FloorBoard board() {
        return board;
    }

    /** Sends a command as the given staff member or device (null: the system) and waits for its answer. */
    <R> R send(FloorCommand command, Actor actor) {
        MetaData meta = actor == null
                ? MetaData.emptyInstance()
                : MetaData.with(Actor.ID_KEY, actor.id()).and(Actor.ROLE_KEY, actor.role());
        return commands.sendAndWait(command, meta);
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
