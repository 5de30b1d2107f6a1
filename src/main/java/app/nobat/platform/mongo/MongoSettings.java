package app.nobat.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code uri} the application starts the embedded, file-backed
 * MongoDB-wire server under {@code dataDir}; with a URI it talks to that MongoDB instead.
 */
@ConfigurationProperties("nobat.mongo")
public record MongoSettings(
        String uri, String database, String dataDir, Integer embeddedPort, Boolean embeddedAllowPort) {

    public MongoSettings {
        if (database == null || database.isBlank()) {
            database = "nobat";
        }
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "./data";
        }
        if (embeddedPort == null) {
            embeddedPort = 0;
        }
        if (embeddedAllowPort == null) {
            embeddedAllowPort = false;
        }
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
