package app.nobat.planning.simulation;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The simulated floor's aggregate cache: held strongly, so that no command replays the day's
 * events (the application's weak cache may lose an aggregate at any collection, which is safe there
 * and only slow here). One simulator thread uses it; nothing is ever evicted before the day ends.
 */
final class HeldAggregates implements Cache {

    private final Map<Object, Object> held = new HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) held.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        held.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return held.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return held.remove(key) != null;
    }

    @Override
    public void removeAll() {
        held.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return held.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
