package app.nobat.eventstore;

import com.mongodb.DuplicateKeyException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises MongoDB duplicate key errors (code 11000) in the exception or any of its causes, so that
 * Axon's {@code AbstractEventStorageEngine#handlePersistenceException} turns them into an
 * {@code AggregateStreamCreationException} or {@code ConcurrencyException}.
 */
public class MongoDuplicateKeyExceptionResolver implements PersistenceExceptionResolver {

    static final int DUPLICATE_KEY = 11000;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable t = exception;
        int depth = 0;
        while (t != null && depth++ < 16) {
            if (isDuplicateKey(t)) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    static boolean isDuplicateKey(Throwable t) {
        if (t instanceof DuplicateKeyException) {
            return true;
        }
        if (t instanceof MongoBulkWriteException bulk) {
            for (BulkWriteError error : bulk.getWriteErrors()) {
                if (error.getCode() == DUPLICATE_KEY
                        || ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    return true;
                }
            }
            return false;
        }
        if (t instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (t instanceof MongoServerException server) {
            return server.getCode() == DUPLICATE_KEY
                    || ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    }
}
