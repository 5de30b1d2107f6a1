package app.nobat.platform.operations;

import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.floor.board.FloorBoardProjection;
import app.nobat.platform.mongo.MongoSettings;
import app.nobat.reports.store.ReportsProjection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;

/** Backups of the embedded store and rebuilds of read models, for administrators (README). */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class OperationsConfig {

    /** The read models a rebuild may replay: their handlers only write their own documents. */
    static final Set<String> READ_MODELS =
            Set.of(FloorBoardProjection.PROCESSING_GROUP, ReportsProjection.PROCESSING_GROUP);

    @Bean
    StoreBackup storeBackup(
            MongoDatabase database,
            EventStorageEngine engine,
            MongoSettings mongo,
            BackupSettings settings,
            Clock clock) {
        if (!(engine instanceof MongoEventStorageEngine mongoEngine)) {
            throw new IllegalStateException("Backups need the MongoEventStorageEngine, not " + engine.getClass());
        }
        String folder = settings.folder() == null || settings.folder().isBlank()
                ? mongo.dataDir() + "-backups"
                : settings.folder();
        return new StoreBackup(database, mongoEngine, Path.of(folder), settings.keep(), clock);
    }

    @Bean
    DailyBackup dailyBackup(StoreBackup backup, MongoSettings mongo) {
        return new DailyBackup(backup, mongo.embedded());
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(ObjectProvider<Configuration> axon) {
        return new ProjectionRebuilds(axon::getObject, READ_MODELS);
    }

    /** The scheduled backup ({@code nobat.backup.cron}); a real MongoDB is backed up with its own tools. */
    static final class DailyBackup {
        private static final Logger log = LoggerFactory.getLogger(DailyBackup.class);
        private final StoreBackup backup;
        private final boolean embedded;

        DailyBackup(StoreBackup backup, boolean embedded) {
            this.backup = backup;
            this.embedded = embedded;
        }

        @Scheduled(cron = "${nobat.backup.cron:0 30 2 * * *}")
        void run() {
            if (!embedded) {
                return;
            }
            try {
                backup.take();
            } catch (RuntimeException e) {
                log.error("The scheduled backup into {} failed", backup.folder().toAbsolutePath(), e);
            }
        }
    }
}
