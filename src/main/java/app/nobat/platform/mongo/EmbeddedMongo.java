package app.nobat.platform.mongo;

import app.nobat.common.OwnerOnly;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;

/**
 * The embedded default: mongo-java-server with its H2 file backend, bound to a free loopback
 * port so that the application reaches it through the real MongoDB driver. The file is committed
 * after every command (see {@link StoreDurability}) and every {@value #COMMIT_INTERVAL_MS} ms.
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final long COMMIT_INTERVAL_MS = 200;

    private final MongoServer server;
    private final SerializedH2Backend backend;
    private final String connectionString;
    private final ScheduledExecutorService committer;

    public EmbeddedMongo(Path dataDir) {
        this(dataDir, 0);
    }

    public EmbeddedMongo(Path dataDir, int port) {
        OwnerOnly.directory(dataDir);
        Path file = dataDir.resolve("nobat.mv").toAbsolutePath();
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        this.backend = new SerializedH2Backend(store);
        this.server = new MongoServer(backend);
        int boundPort;
        if (port == 0) {
            InetSocketAddress address = server.bind();
            boundPort = address.getPort();
        } else {
            server.bind("127.0.0.1", port);
            boundPort = port;
        }
        this.connectionString = "mongodb://127.0.0.1:" + boundPort;
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-commit");
            t.setDaemon(true);
            return t;
        });
        committer.scheduleWithFixedDelay(this::commit, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    public String connectionString() {
        return connectionString;
    }

    /** Writes every operation acknowledged so far to the file. */
    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        committer.shutdownNow();
        commit();
        server.shutdown();
    }
}
