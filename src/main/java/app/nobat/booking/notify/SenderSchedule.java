package app.nobat.booking.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sender on a thread of its own: every {@code pollEvery} (retries come due, a crashed
 * node's sending messages are given up) and at once when a message is owed. Only this thread waits
 * for the gateway.
 */
public class SenderSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SenderSchedule.class);

    private final NotificationSender sender;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "visitor-messages");
        t.setDaemon(true);
        return t;
    });

    public SenderSchedule(NotificationSender sender, Duration pollEvery) {
        this.sender = sender;
        thread.scheduleWithFixedDelay(this::drain, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A message is owed: look now rather than at the next poll. */
    public void wake() {
        if (!thread.isShutdown()) {
            thread.execute(this::drain);
        }
    }

    private void drain() {
        try {
            sender.drain();
        } catch (RuntimeException e) {
            log.warn("sending visitors' messages failed; tried again in a moment", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
