package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.NobatApplication;
import app.nobat.common.Actor;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoard.VisitView;
import app.nobat.floor.board.FloorBoardProjection;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.platform.mongo.BackupFile;
import app.nobat.platform.operations.StoreBackup;
import app.nobat.reports.store.ReportsProjection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A backup taken while kiosks issue tickets and desks call and serve them, restored into a fresh
 * data directory by starting the application with {@code --nobat.backup.restore}: the backup holds
 * exactly the store's events up to its cut, every floor's events without a hole, and the restored
 * application's boards and visit records equal a replay of the backed-up events. A corrupt or cut
 * short file, or a data directory that is not fresh, is refused before anything is written.
 */
@IntegrationTest
class BackupIT {

    static final String C = "it-backup";
    static final int KIOSKS = 4;
    static final int ARRIVALS_EACH = 20;
    static final int DESKS = 3;

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    ObjectMapper json;

    @Autowired
    StoreBackup backups;

    @Test
    void aBackupDuringArrivalsAndCallsRestoresToAReplayOfItsEvents() throws Exception {
        Api api = new Api(http);
        api.post(
                "/api/admin/staff",
                Map.of("username", "backup.clerk", "password", "quiet harbour lantern 42", "role", "DESK"),
                201);
        api.post("/api/admin/devices", Map.of("deviceId", "backup-kiosk", "kind", "KIOSK", "centreId", C), 201);
        for (int d = 1; d <= DESKS; d++) {
            api.post("/api/centres/" + C + "/desks/d" + d + "/open", Map.of(), 200);
        }
        AtomicBoolean arriving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(KIOSKS + DESKS);
        Map<String, Object> backup;
        try {
            List<Future<?>> kiosks = new ArrayList<>();
            for (int k = 0; k < KIOSKS; k++) {
                kiosks.add(pool.submit(() -> {
                    for (int i = 0; i < ARRIVALS_EACH; i++) {
                        api.arrive(C, i % 2 == 0 ? "residence" : "work", null);
                    }
                }));
            }
            List<Future<Integer>> desks = new ArrayList<>();
            for (int d = 1; d <= DESKS; d++) {
                String desk = "d" + d;
                desks.add(pool.submit(() -> serve(api, desk, arriving)));
            }
            // the backup while both go on
            Api.eventually(() -> count(C), n -> n >= 10);
            backup = api.post("/api/admin/backups", null, 201);
            for (Future<?> kiosk : kiosks) {
                kiosk.get();
            }
            arriving.set(false);
            int served = 0;
            for (Future<Integer> desk : desks) {
                served += desk.get();
            }
            assertThat(served).isEqualTo(KIOSKS * ARRIVALS_EACH);
        } finally {
            pool.shutdownNow();
        }
        api.arrive(C, "residence", null); // at least one event after the backup, for certain

        Path file = backupFolder().resolve((String) backup.get("file"));
        long cut = ((Number) backup.get("lastEventIndex")).longValue();
        Map<String, List<Document>> content = read(file);

        // exactly the store's events up to the cut, none after it
        List<Document> stored = new ArrayList<>();
        database.getCollection("domainevents")
                .find(Filters.lte("_id", cut))
                .sort(new Document("_id", 1))
                .into(stored);
        assertThat(content.get("domainevents")).isEqualTo(stored);
        assertThat(database.getCollection("domainevents").countDocuments(Filters.gt("_id", cut)))
                .isPositive();
        assertThat(content).doesNotContainKeys("floor_boards", "floor_visits", "trackingtokens", "report_days");
        assertThat(content.get("staff_accounts")).isNotEmpty();
        assertThat(content.get("device_tokens")).isNotEmpty();

        // what a replay of the backed-up events makes of every floor
        Map<String, FloorBoard> boards = new LinkedHashMap<>();
        Map<String, VisitView> visits = new LinkedHashMap<>();
        for (Document event : content.get("domainevents")) {
            Object payload = events.deserialize(new SimpleSerializedObject<>(
                    event.getString("payload"),
                    String.class,
                    event.getString("payloadType"),
                    event.getString("payloadRevision")));
            if (!(payload instanceof FloorEvent floorEvent)) {
                continue;
            }
            MetaData meta = events.deserialize(new SimpleSerializedObject<>(
                    event.getString("metaData"), String.class, MetaData.class.getName(), null));
            FloorBoard board = boards.computeIfAbsent(floorEvent.floorId(), id -> new FloorBoard());
            long sequence = ((Number) event.get("sequenceNumber")).longValue();
            // every floor's events are whole: one after the other from the first
            assertThat(sequence).as(floorEvent.floorId()).isEqualTo(board.lastSequence + 1);
            for (VisitView visit : board.apply(floorEvent, sequence, (String) meta.get(Actor.ID_KEY))) {
                visits.put(visit.visitId, visit);
            }
        }
        assertThat(boards.keySet()).anyMatch(id -> id.startsWith(C + ":"));

        Path fresh = Path.of("target", "test-data", "restored-" + UUID.randomUUID());
        try (ConfigurableApplicationContext restored = start(file, fresh)) {
            caughtUp(restored, FloorBoardProjection.PROCESSING_GROUP, cut);
            caughtUp(restored, ReportsProjection.PROCESSING_GROUP, cut);
            FloorBoardRepository repository = restored.getBean(FloorBoardRepository.class);
            for (FloorBoard expected : boards.values()) {
                FloorBoard actual = repository.board(expected.floorId).orElseThrow();
                assertThat(json.<JsonNode>valueToTree(actual))
                        .as(expected.floorId)
                        .isEqualTo(json.<JsonNode>valueToTree(expected));
            }
            for (VisitView expected : visits.values()) {
                VisitView actual = repository.visit(expected.visitId).orElseThrow();
                assertThat(json.<JsonNode>valueToTree(actual))
                        .as(expected.visitId)
                        .isEqualTo(json.<JsonNode>valueToTree(expected));
            }
            MongoDatabase restoredStore = restored.getBean(MongoDatabase.class);
            assertThat(restoredStore.getCollection("floor_boards").countDocuments())
                    .isEqualTo(boards.size());
            // the demo profile stores its published credentials anew at each start; the others are as they were
            assertThat(restoredStore.getCollection("staff_accounts").find().into(new ArrayList<>()))
                    .contains(only(content.get("staff_accounts"), "_id", "backup.clerk"));
            assertThat(restoredStore.getCollection("device_tokens").find().into(new ArrayList<>()))
                    .contains(only(content.get("device_tokens"), "deviceId", "backup-kiosk"));
            // the restored store carries on after the backup's last event
            assertThat(restored.getBean(EventProcessingConfiguration.class)
                            .eventProcessor(FloorBoardProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                            .orElseThrow()
                            .isRunning())
                    .isTrue();
        }
    }

    @Test
    void aCorruptOrTruncatedBackupOrAUsedDirectoryIsRefusedAndNothingIsTouched() throws IOException {
        Api api = new Api(http);
        Path file = backupFolder()
                .resolve((String) api.post("/api/admin/backups", null, 201).get("file"));
        byte[] bytes = Files.readAllBytes(file);

        byte[] corrupt = bytes.clone();
        corrupt[bytes.length - 40] ^= 0x5a;
        Path corruptFile = Files.write(file.resolveSibling("corrupt.backup"), corrupt);
        refused(corruptFile, "SHA-256");

        byte[] truncated = new byte[bytes.length - 100];
        System.arraycopy(bytes, 0, truncated, 0, truncated.length);
        refused(Files.write(file.resolveSibling("truncated.backup"), truncated), "truncated");

        refused(Files.write(file.resolveSibling("other.backup"), "not a backup\n".getBytes()), "not a Nobat backup");

        // a data directory in use is never written over, even with a sound file
        Path used = Files.createDirectories(Path.of("target", "test-data", "used-" + UUID.randomUUID()));
        Path marker = Files.writeString(used.resolve("nobat.mv"), "someone's store");
        assertThatThrownBy(() -> start(file, used).close())
                .hasStackTraceContaining("Refusing to restore")
                .hasStackTraceContaining("not empty");
        assertThat(Files.readString(marker)).isEqualTo("someone's store");
        try (Stream<Path> files = Files.list(used)) {
            assertThat(files).containsExactly(marker);
        }
    }

    private void refused(Path file, String reason) throws IOException {
        Path fresh = Path.of("target", "test-data", "refused-" + UUID.randomUUID());
        assertThatThrownBy(() -> start(file, fresh).close())
                .hasStackTraceContaining("Refusing to restore")
                .hasStackTraceContaining(reason);
        assertThat(fresh).doesNotExist();
        try (Stream<Path> siblings = Files.list(fresh.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(fresh.getFileName() + ".restoring"));
        }
        assertThatThrownBy(() -> BackupFile.verify(file)).isInstanceOf(BackupFile.Refused.class);
    }

    /** The application as `java -jar nobat.jar --nobat.backup.restore=FILE --nobat.mongo.data-dir=DIR` starts it. */
    static ConfigurableApplicationContext start(Path file, Path dataDir) {
        return new SpringApplicationBuilder(NobatApplication.class)
                .run(
                        "--nobat.backup.restore=" + file.toAbsolutePath(),
                        "--nobat.mongo.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--nobat.seed.centres=classpath*:centres/*.yml,classpath*:test-centres/*.yml",
                        "--nobat.seed.calendars=classpath*:calendars/*.yml,classpath*:test-calendars/*.yml",
                        "--nobat.floor.closing.enabled=false",
                        "--nobat.backup.cron=-");
    }

    static void caughtUp(ConfigurableApplicationContext context, String processor, long position) {
        StreamingEventProcessor streaming = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow();
        Api.eventually(
                () -> streaming.processingStatus().values().stream().toList(),
                all -> !all.isEmpty()
                        && all.stream()
                                .allMatch(s -> s.isCaughtUp()
                                        && s.getError() == null
                                        && s.getCurrentPosition().orElse(-1) >= position));
    }

    Path backupFolder() {
        return backups.folder();
    }

    long count(String centre) {
        return database.getCollection("floor_visits").countDocuments(Filters.regex("_id", "^" + centre + ":"));
    }

    static Document only(List<Document> documents, String field, String value) {
        return documents.stream()
                .filter(d -> value.equals(d.getString(field)))
                .findFirst()
                .orElseThrow();
    }

    /** The backup file's collections, each document decoded. */
    static Map<String, List<Document>> read(Path file) {
        Map<String, List<Document>> content = new LinkedHashMap<>();
        DocumentCodec codec = new DocumentCodec();
        String[] current = new String[1];
        BackupFile.read(file, new BackupFile.Reader() {
            @Override
            public void collection(String name) {
                current[0] = name;
                content.put(name, new ArrayList<>());
            }

            @Override
            public void document(RawBsonDocument document) {
                content.get(current[0])
                        .add(codec.decode(
                                document.asBsonReader(),
                                DecoderContext.builder().build()));
            }
        });
        return content;
    }

    /** Calls, starts and completes until the kiosks are done and no one waits; how many it served. */
    private static int serve(Api api, String desk, AtomicBoolean arriving) {
        int served = 0;
        while (true) {
            var answer = api.http
                    .post()
                    .uri("/api/centres/" + C + "/desks/" + desk + "/call-next")
                    .bodyValue(Map.of("requestId", UUID.randomUUID().toString()))
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult();
            if (answer.getStatus().value() == 409) {
                if (!arriving.get()) {
                    return served;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return served;
                }
                continue;
            }
            assertThat(answer.getStatus().value())
                    .as("%s", answer.getResponseBody())
                    .isEqualTo(200);
            String visitId = (String) answer.getResponseBody().get("visitId");
            api.post("/api/visits/" + visitId + "/start", null, 200);
            api.post("/api/visits/" + visitId + "/complete", null, 200);
            served++;
        }
    }
}
