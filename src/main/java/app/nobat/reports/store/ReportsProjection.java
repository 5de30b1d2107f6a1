package app.nobat.reports.store;

import app.nobat.booking.domain.DayBookEvent;
import app.nobat.common.Actor;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.platform.axon.BatchedWrites;
import app.nobat.reports.domain.DayStatistics;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Folds the floor's and the day books' events into the statistics records, in a tracking processor
 * of its own ({@value #PROCESSING_GROUP}): a reset of its token replays every event from the start
 * and rebuilds them, so that a figure added later is filled for the past. The records a batch of
 * events changed are written once, at its last event and so before the processor's token
 * ({@link BatchedWrites}); each
 * skips what it has seen by each aggregate's sequence number, so an event handled again after a
 * crash changes nothing.
 */
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
public class ReportsProjection {

    public static final String PROCESSING_GROUP = "reports";

    /** A few recent centre-days in memory; a record is read from the store when it is not here. */
    private static final int CACHED = 64;

    private final ReportStore store;
    private final Map<String, DayStatistics> cache = new ConcurrentHashMap<>();
    /** Records changed by the batch under way, written when it commits. */
    private final Set<String> dirty = new LinkedHashSet<>();

    private final BatchedWrites writes = new BatchedWrites(this::write, this::forget);

    public ReportsProjection(ReportStore store) {
        this.store = store;
    }

    @EventHandler
    void on(FloorEvent event, @SequenceNumber long sequence, @MetaDataValue(Actor.ID_KEY) String actor) {
        update(DayStatistics.idOf(event), day -> day.apply(event, sequence, actor));
    }

    @EventHandler
    void on(DayBookEvent event, @SequenceNumber long sequence) {
        update(DayStatistics.idOf(event), day -> day.apply(event, sequence));
    }

    private void update(String id, Predicate<DayStatistics> change) {
        DayStatistics day = cache.computeIfAbsent(
                id,
                key -> store.find(key).orElseGet(() -> {
                    int colon = key.lastIndexOf(':');
                    return new DayStatistics(key.substring(0, colon), key.substring(colon + 1));
                }));
        if (change.test(day)) {
            dirty.add(id);
            writes.changed();
        }
        writes.endOfEvent();
    }

    private void write() {
        for (String id : dirty) {
            store.save(cache.get(id));
        }
        dirty.clear();
        if (cache.size() > CACHED) {
            cache.clear();
        }
    }

    /** A batch that failed leaves the records as stored: read them again. */
    private void forget() {
        dirty.clear();
        cache.clear();
    }

    /** A replay starts from nothing. */
    @ResetHandler
    void reset() {
        forget();
        store.deleteAll();
    }
}
