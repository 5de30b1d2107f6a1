package app.nobat.platform.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, made to behave like one MongoDB node in the two ways Nobat
 * relies on. Measured here: its findOneAndUpdate with $inc handed concurrent callers the same
 * value, and a file commit taken while another thread was half-way through a replace kept the
 * index without the document. So operations run one at a time, and the file is committed only
 * between operations: every commit holds a prefix of the acknowledged writes.
 */
final class SerializedH2Backend extends H2Backend {

    private final ReentrantLock lock = new ReentrantLock();

    SerializedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return locked(() -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return locked(() -> super.handleQuery(query));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return locked(() -> super.handleCommand(channel, database, command, query));
    }

    private <T> T locked(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void commit() {
        lock.lock();
        try {
            if (getMvStore().hasUnsavedChanges()) {
                super.commit();
            }
        } finally {
            lock.unlock();
        }
    }
}
