package app.nobat.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the in-memory Axon configurations of the simulator from filling the bench's output. */
final class Quiet {

    private Quiet() {}

    static void axon() {
        System.setProperty("disable-axoniq-console-message", "true");
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
