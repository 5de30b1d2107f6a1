package app.nobat.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: mongo-java-server with its H2 file backend, bound to a free loopback
 * port so that the application reaches it through the real MongoDB driver.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;
    private final String connectionString;

    public EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("nobat.mv").toAbsolutePath();
        this.backend = new H2Backend(file.toString());
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    public String connectionString() {
        return connectionString;
    }

    /**
     * Writes everything acknowledged so far to the file. The H2 store otherwise commits in the
     * background about once a second, and a killed process would lose that last second.
     */
    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
