package app.nobat.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    /** The backup file to restore into the data directory at this start (README, "Backup and restore"). */
    public static final String RESTORE_PROPERTY = "nobat.backup.restore";

    private static final Logger log = LoggerFactory.getLogger(MongoConfig.class);

    /** Present only for the embedded default; closed after the client, which depends on it. */
    @Bean(destroyMethod = "close")
    EmbeddedMongoHolder embeddedMongo(MongoSettings settings, Environment environment) {
        String restore = environment.getProperty(RESTORE_PROPERTY, "");
        if (!settings.embedded()) {
            if (!restore.isBlank()) {
                throw new IllegalStateException("Refusing to start: " + RESTORE_PROPERTY + " restores the embedded "
                        + "store only; restore a MongoDB with mongorestore (README, \"Backup and restore\")");
            }
            return new EmbeddedMongoHolder(null);
        }
        // mongo-java-server only listens on TCP and has no authentication: any local process could read
        // and write the store through the port, so production needs a real MongoDB or an explicit yes
        if (environment.matchesProfiles("prod") && !settings.embeddedAllowPort()) {
            throw new IllegalStateException("Refusing to start with the prod profile: the embedded store's "
                    + "loopback port has no authentication; set NOBAT_MONGO_URI to a MongoDB with access control, or "
                    + "nobat.mongo.embedded-allow-port=true (NOBAT_EMBEDDED_ALLOW_PORT) where no other local user "
                    + "or process can reach the loopback interface");
        }
        if (!restore.isBlank()) {
            restore(Path.of(restore), Path.of(settings.dataDir()), settings.database());
        }
        EmbeddedMongo embedded = new EmbeddedMongo(Path.of(settings.dataDir()), settings.embeddedPort());
        log.info(
                "Embedded MongoDB-wire server (H2 file under {}) at {}",
                Path.of(settings.dataDir()).toAbsolutePath(),
                embedded.connectionString());
        return new EmbeddedMongoHolder(embedded);
    }

    /**
     * Fills a fresh data directory from a backup before the store opens; a file that is not whole,
     * or a directory that is not fresh, stops the start with the reason and leaves both untouched.
     */
    static void restore(Path file, Path dataDir, String database) {
        BackupFile.Header header;
        try {
            header = StoreRestore.restore(file, dataDir, database);
        } catch (BackupFile.Refused e) {
            throw new IllegalStateException("Refusing to restore: " + e.getMessage(), e);
        }
        log.info(
                "Restored {} (taken {}, {} documents, events up to index {}) into {}; every read model is rebuilt "
                        + "from the events now",
                file.toAbsolutePath(),
                header.createdAt(),
                header.documents(),
                header.lastEventIndex(),
                dataDir.toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings, EmbeddedMongoHolder embedded) {
        String uri = embedded.server() != null ? embedded.server().connectionString() : settings.uri();
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(clientSettings);
    }

    @Bean
    StoreDurability storeDurability(EmbeddedMongoHolder embedded) {
        return embedded.server() == null ? () -> {} : embedded.server()::commit;
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }

    record EmbeddedMongoHolder(EmbeddedMongo server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
