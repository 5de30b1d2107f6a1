package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.common.Actor;
import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.TicketCalled;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.FloorEvent.VisitCompleted;
import app.nobat.platform.axon.AllEventNames;
import app.nobat.platform.axon.NamedTypeSerializer;
import app.nobat.platform.mongo.EmbeddedMongo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Rule 4: the application process is killed with SIGKILL during a load of arrivals and calls, then
 * restarted on the same data. Every accepted command's events are in the store, and the floor's
 * read model equals one rebuilt from a full replay of its events.
 */
class CrashRecoveryProcessIT {

    static final String C = "it-load";

    final Path dataDir = AppProcess.newDataDir("crash");
    final AppProcess app = new AppProcess(dataDir);
    /** Made after the kill, so that its port is picked once the first process is gone. */
    AppProcess restarted;

    final Set<String> acceptedArrivals = ConcurrentHashMap.newKeySet();
    final Map<String, String> acceptedCalls = new ConcurrentHashMap<>();
    final Set<String> acceptedCompletions = ConcurrentHashMap.newKeySet();

    /** Neither process outlives a failed test (a passing one has killed the first and stopped the second). */
    @AfterEach
    void stopBoth() throws InterruptedException {
        if (app.isRunning()) {
            app.kill();
        }
        if (restarted != null) {
            restarted.stop();
        }
    }

    @Test
    void nothingAcceptedIsLostAndTheReadModelEqualsAReplay() throws Exception {
        app.startOnOwnStore("first");
        for (int d = 1; d <= 3; d++) {
            assertThat(post("/api/centres/" + C + "/desks/d" + d + "/open", Map.of())
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int k = 0; k < 3; k++) {
            int kiosk = k;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        var r = post(
                                "/api/centres/" + C + "/visits",
                                Map.of(
                                        "serviceCode",
                                        i % 2 == 0 ? "residence" : "work",
                                        "requestId",
                                        "k" + kiosk + "-" + i));
                        if (r.getStatusCode().value() == 201) {
                            acceptedArrivals.add((String) r.getBody().get("visitId"));
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        for (int d = 1; d <= 3; d++) {
            String desk = "d" + d;
            load.submit(() -> {
                while (running.get()) {
                    try {
                        String requestId = UUID.randomUUID().toString();
                        var call = post(
                                "/api/centres/" + C + "/desks/" + desk + "/call-next", Map.of("requestId", requestId));
                        if (call.getStatusCode().value() != 200) {
                            Thread.sleep(20);
                            continue;
                        }
                        String visitId = (String) call.getBody().get("visitId");
                        acceptedCalls.put(requestId, visitId);
                        post("/api/visits/" + visitId + "/start", Map.of());
                        if (post("/api/visits/" + visitId + "/complete", Map.of())
                                        .getStatusCode()
                                        .value()
                                == 200) {
                            acceptedCompletions.add(visitId);
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        // kill mid-load once a good number of commands were answered; a slow (shared) machine gets
        // more time, and the claim below holds for any number: the size is a precondition, not a speed
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (acceptedArrivals.size() < 150 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        app.kill(); // SIGKILL: no shutdown hooks, no flush
        Thread.sleep(300);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acceptedArrivals).hasSizeGreaterThanOrEqualTo(30);
        assertThat(acceptedCalls).isNotEmpty();

        restarted = new AppProcess(dataDir);
        try {
            restarted.startOnOwnStore("second");
            // the projections catch up after the restart (checked below against the store itself)
            long deadline2 = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline2 && !caughtUp()) {
                Thread.sleep(200);
            }
        } finally {
            restarted.stop(); // graceful, so the store file can be opened here
        }
        verifyStoreAgainstAcceptedCommandsAndReplay();
    }

    private void verifyStoreAgainstAcceptedCommandsAndReplay() throws Exception {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir);
                MongoClient mongoClient = MongoClients.create(mongo.connectionString())) {
            var database = mongoClient.getDatabase("nobat");
            // the events as the application stored them: under their names
            Serializer serializer = NamedTypeSerializer.create(json, AllEventNames.ALL);
            var engine = MongoEventStorageEngine.builder()
                    .database(database)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            EmbeddedEventStore store =
                    EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                String anyVisit = acceptedArrivals.iterator().next();
                String floorId = anyVisit.substring(0, anyVisit.lastIndexOf(':'));
                List<? extends DomainEventMessage<?>> events =
                        engine.readEvents(floorId, 0).asStream().toList();
                Set<String> arrived = ConcurrentHashMap.newKeySet();
                Map<String, String> called = new HashMap<>();
                Set<String> completed = ConcurrentHashMap.newKeySet();
                FloorBoard replayed = new FloorBoard();
                Map<String, VisitView> replayedVisits = new HashMap<>();
                for (DomainEventMessage<?> message : events) {
                    FloorEvent event = (FloorEvent) message.getPayload();
                    for (VisitView v : replayed.apply(event, message.getSequenceNumber(), (String)
                            message.getMetaData().get(Actor.ID_KEY))) {
                        replayedVisits.put(v.visitId, json.convertValue(v, VisitView.class));
                    }
                    if (event instanceof VisitArrived e) {
                        arrived.add(e.visitId());
                    } else if (event instanceof TicketCalled e) {
                        // stored keys are scoped to the caller ("actor/requestId"); the client knows only its own part
                        called.put(e.requestId().substring(e.requestId().indexOf('/') + 1), e.visitId());
                    } else if (event instanceof VisitCompleted e) {
                        completed.add(e.visitId());
                    }
                }
                assertThat(arrived).containsAll(acceptedArrivals);
                assertThat(called).containsAllEntriesOf(acceptedCalls);
                assertThat(completed).containsAll(acceptedCompletions);

                FloorBoardRepository boards = new FloorBoardRepository(database, json);
                FloorBoard stored = boards.board(floorId).orElseThrow();
                assertThat((Object) json.valueToTree(stored)).isEqualTo(json.valueToTree(replayed));
                assertThat(replayedVisits).hasSizeGreaterThanOrEqualTo(acceptedArrivals.size());
                for (VisitView expected : replayedVisits.values()) {
                    VisitView actual = boards.visit(expected.visitId).orElseThrow();
                    assertThat((Object) json.valueToTree(actual))
                            .as(expected.visitId)
                            .isEqualTo(json.valueToTree(expected));
                    assertThat(boards.visitIdForToken(expected.trackingToken)).contains(expected.visitId);
                }
            } finally {
                store.shutDown();
            }
        }
    }

    private boolean caughtUp() {
        for (String visitId : acceptedCompletions) {
            var r = restarted.get("/api/visits/" + visitId);
            if (r.getStatusCode().value() != 200
                    || !"COMPLETED".equals(r.getBody().get("status"))) {
                return false;
            }
        }
        for (String visitId : acceptedArrivals) {
            var r = restarted.get("/api/visits/" + visitId);
            if (r.getStatusCode().value() != 200) {
                return false;
            }
        }
        return true;
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return app.post(path, body);
    }
}
