package app.nobat.reports.store;

import app.nobat.booking.domain.DayBookEvent;
import app.nobat.common.Actor;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.reports.domain.DayStatistics;
import java.util.Map;
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
 * and rebuilds them, so that a figure added later is filled for the past. A record is written
 * before the processor's token and skips what it has seen by each aggregate's sequence number, so
 * an event handled again after a crash changes nothing.
 */
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
public class ReportsProjection {

    public static final String PROCESSING_GROUP = "reports";

    /** A few recent centre-days in memory; a record is read from the store when it is not here. */
    private static final int CACHED = 64;

    private final ReportStore store;
    private final Map<String, DayStatistics> cache = new ConcurrentHashMap<>();

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
        try {
            if (change.test(day)) {
                store.save(day);
            }
        } catch (RuntimeException e) {
            cache.remove(id);
            throw e;
        }
        if (cache.size() > CACHED) {
            cache.keySet().removeIf(k -> !k.equals(id));
        }
    }

    /** A replay starts from nothing. */
    @ResetHandler
    void reset() {
        cache.clear();
        store.deleteAll();
    }
}
