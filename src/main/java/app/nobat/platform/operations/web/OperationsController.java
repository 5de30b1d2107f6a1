package app.nobat.platform.operations.web;

import app.nobat.platform.mongo.MongoSettings;
import app.nobat.platform.operations.OperationsRefusal;
import app.nobat.platform.operations.ProjectionRebuilds;
import app.nobat.platform.operations.ProjectionRebuilds.Progress;
import app.nobat.platform.operations.StoreBackup;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Administrators back the embedded store up and rebuild read models while the application serves. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "operations", description = "Backups of the embedded store and rebuilds of read models")
public class OperationsController {

    private final StoreBackup backups;
    private final ProjectionRebuilds rebuilds;
    private final boolean embedded;

    public OperationsController(StoreBackup backups, ProjectionRebuilds rebuilds, MongoSettings mongo) {
        this.backups = backups;
        this.rebuilds = rebuilds;
        this.embedded = mongo.embedded();
    }

    /**
     * A backup written: its file name in the backup folder, the last event index it holds, its
     * documents per collection, its size and SHA-256 (of the payload, as in its header).
     */
    public record BackupView(
            String file,
            Instant createdAt,
            long lastEventIndex,
            Map<String, Long> collections,
            long bytes,
            String payloadSha256,
            long millis) {}

    public record StoredBackup(String file, long bytes, Instant modified) {}

    @PostMapping("/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Take a consistent backup of the embedded store now, while it serves",
            description = "Writes the events up to the highest index below which no append is in flight, and the "
                    + "collections that are not derived from them (staff, devices, voice clips, personal data, "
                    + "booking codes, messages sent), into the backup folder (nobat.backup.folder); keeps the "
                    + "newest nobat.backup.keep. Restore with --nobat.backup.restore=FILE into a fresh data "
                    + "directory. 409 backup-embedded-only on a MongoDB of its own (use mongodump).")
    public Mono<BackupView> backup() {
        if (!embedded) {
            throw OperationsRefusal.BACKUP_EMBEDDED_ONLY.with();
        }
        return Blocking.call(() -> {
            StoreBackup.Taken taken = backups.take();
            return new BackupView(
                    taken.file().getFileName().toString(),
                    taken.header().createdAt(),
                    taken.header().lastEventIndex(),
                    new TreeMap<>(taken.header().collections()),
                    taken.bytes(),
                    taken.header().payloadSha256(),
                    taken.millis());
        });
    }

    @GetMapping("/backups")
    @Operation(summary = "The backups in the backup folder, newest first")
    public Mono<List<StoredBackup>> storedBackups() {
        return Blocking.call(() -> backups.stored().stream()
                .map(s -> new StoredBackup(s.file().getFileName().toString(), s.bytes(), s.modified()))
                .toList());
    }

    @GetMapping("/processors")
    @Operation(
            summary = "Every event processor on this node: position, the store's head, percentage",
            description = "rebuildable: a read model that POST …/rebuild replays from the first event.")
    public Mono<List<Progress>> processors() {
        return Blocking.call(rebuilds::all);
    }

    @GetMapping("/processors/{processor}")
    @Operation(summary = "One event processor's progress: position, the store's head, percentage, replaying")
    public Mono<Progress> processor(@PathVariable String processor) {
        return Blocking.call(() -> rebuilds.progress(processor));
    }

    @PostMapping("/processors/{processor}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Rebuild a read model: forget its documents and replay every event into it, while serving",
            description = "Read models only (floor-board, reports); 409 processor-not-rebuildable for the others, "
                    + "which send messages or commands. Answers at once; follow GET /api/admin/processors/{processor} "
                    + "until replaying is false and percent 100. Until then the read model shows less than it will.")
    public Mono<Progress> rebuild(@PathVariable String processor) {
        return Blocking.call(() -> rebuilds.rebuild(processor));
    }
}
