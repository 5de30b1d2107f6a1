package app.nobat.it;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Two application processes on one store: node a runs the embedded store and serves it on a free
 * loopback port, node b connects to it as to a real MongoDB. Both log under one data directory.
 */
final class TwoNodes implements AutoCloseable {

    final Path dataDir;
    final AppProcess a;
    final AppProcess b;

    TwoNodes(String name) {
        this.dataDir = AppProcess.newDataDir(name);
        this.a = new AppProcess(dataDir);
        this.b = new AppProcess(dataDir);
    }

    /** Starts a, then b on a's store; each waits until its API answers. */
    TwoNodes start() throws IOException, InterruptedException {
        int storePort = AppProcess.freePort();
        a.startOnOwnStore("node-a", "--nobat.mongo.embedded-port=" + storePort);
        b.start("node-b", "--nobat.mongo.uri=mongodb://127.0.0.1:" + storePort);
        return this;
    }

    /** Stops b first, so that a's store outlives every client of it. */
    @Override
    public void close() throws InterruptedException {
        b.stop();
        a.stop();
    }
}
