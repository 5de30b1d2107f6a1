package app.nobat.platform.axon;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * When a projection writes what a batch of events changed: once, in the handler of the batch's last
 * event, and so before its tracking processor stores the token (which it does as the batch commits).
 * A batch holds only events the processor handles, so its last one reaches a handler. If the batch
 * fails, the projection forgets what it held in memory and reads its records again on the retry.
 */
public final class BatchedWrites {

    private final Runnable write;
    private final Runnable forget;
    private boolean changed;

    /**
     * @param write writes every record the batch changed, in the order that keeps a crash harmless
     * @param forget drops what the projection holds in memory beyond what is stored
     */
    public BatchedWrites(Runnable write, Runnable forget) {
        this.write = write;
        this.forget = forget;
    }

    /** Something the batch under way must write has changed. */
    public void changed() {
        if (!changed && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onRollback(u -> failed());
        }
        changed = true;
    }

    /** At the end of each handled event: writes the batch's changes if this event is its last. */
    public void endOfEvent() {
        if (!changed || !lastOfBatch()) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            failed();
            throw e;
        }
        changed = false;
    }

    private void failed() {
        changed = false;
        forget.run();
    }

    private static boolean lastOfBatch() {
        return !CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)
                || batch.isLastMessage();
    }
}
