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

    private static final Logger log = LoggerFactory.getLogger(MongoConfig.class);

    /** Present only for the embedded default; closed after the client, which depends on it. */
    @Bean(destroyMethod = "close")
    EmbeddedMongoHolder embeddedMongo(MongoSettings settings, Environment environment) {
        if (!settings.embedded()) {
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
        EmbeddedMongo embedded = new EmbeddedMongo(Path.of(settings.dataDir()), settings.embeddedPort());
        log.info(
                "Embedded MongoDB-wire server (H2 file under {}) at {}",
                Path.of(settings.dataDir()).toAbsolutePath(),
                embedded.connectionString());
        return new EmbeddedMongoHolder(embedded);
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
