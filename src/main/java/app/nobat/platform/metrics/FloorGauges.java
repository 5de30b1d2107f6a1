package app.nobat.platform.metrics;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.floor.domain.FloorId;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The floor's own gauges, per centre and service (tags {@code centre} and {@code service}, nothing
 * else: no visit, ticket or person is ever a label), read from each centre's stored board of today every
 * {@code nobat.metrics.floor-refresh}: waiting visits, the longest wait (minutes), desks serving,
 * calls per minute, target breaches, and the day's calls as a counter. A scrape reads the last
 * values and never waits for the store; a centre or service that is no longer defined loses its
 * gauges.
 */
public class FloorGauges {

    private static final Logger log = LoggerFactory.getLogger(FloorGauges.class);

    /** Tag names. */
    public static final String CENTRE = "centre";

    public static final String SERVICE = "service";

    private record Key(String centreId, String serviceCode) {
        String id() {
            return centreId + "/" + serviceCode;
        }
    }

    private record Values(ServiceMeasure measure, double callsPerMinute) {}

    private final MeterRegistry registry;
    private final CentreCatalog catalog;
    private final FloorBoardRepository boards;
    private final Clock clock;
    private final CallRate rate;
    private final Map<Key, Values> latest = new ConcurrentHashMap<>();
    private final Map<Key, List<Meter>> meters = new ConcurrentHashMap<>();
    private volatile boolean failing;

    public FloorGauges(
            MeterRegistry registry,
            CentreCatalog catalog,
            FloorBoardRepository boards,
            Clock clock,
            MetricsSettings settings) {
        this.registry = registry;
        this.catalog = catalog;
        this.boards = boards;
        this.clock = clock;
        this.rate = new CallRate(settings.callsWindow());
    }

    @Scheduled(
            initialDelayString = "${nobat.metrics.floor-refresh:15s}",
            fixedDelayString = "${nobat.metrics.floor-refresh:15s}")
    public void refresh() {
        Instant now = clock.instant();
        Set<Key> present = new HashSet<>();
        try {
            for (CentreProfile centre : catalog.all()) {
                FloorId today =
                        new FloorId(centre.centreId(), LocalDate.now(clock.withZone(ZoneId.of(centre.timeZone()))));
                // the stored board, which every node shares; the live screens' feed is left alone
                FloorBoard board = boards.board(today.toString()).orElseGet(FloorBoard::new);
                ServiceMeasure.of(centre, board, now).forEach((code, measure) -> {
                    Key key = new Key(centre.centreId(), code);
                    present.add(key);
                    double perMinute = rate.observe(key.id(), today.toString(), measure.called(), now);
                    latest.put(key, new Values(measure, perMinute));
                    meters.computeIfAbsent(key, this::register);
                });
            }
        } catch (RuntimeException e) {
            // the store is away: the gauges keep their last values, and the readiness check says why
            if (!failing) {
                log.warn("The floor gauges cannot be read now: {}", e.getClass().getSimpleName());
                failing = true;
            }
            return;
        }
        if (failing) {
            log.info("The floor gauges are read again");
            failing = false;
        }
        for (Key gone : new ArrayList<>(meters.keySet())) {
            if (!present.contains(gone)) {
                meters.remove(gone).forEach(registry::remove);
                latest.remove(gone);
                rate.forget(gone.id());
            }
        }
    }

    private List<Meter> register(Key key) {
        Tags tags = Tags.of(CENTRE, key.centreId(), SERVICE, key.serviceCode());
        List<Meter> registered = new ArrayList<>();
        registered.add(gauge(
                "nobat.floor.waiting",
                "Visits waiting for the service now",
                null,
                key,
                tags,
                v -> v.measure().waiting()));
        registered.add(gauge(
                "nobat.floor.longest.wait",
                "How long the longest-waiting visit of the service has waited",
                "minutes",
                key,
                tags,
                v -> v.measure().longestWaitMinutes()));
        registered.add(gauge(
                "nobat.floor.desks.serving",
                "Open desks that call the service (paused and closed ones not)",
                null,
                key,
                tags,
                v -> v.measure().desksServing()));
        registered.add(gauge(
                "nobat.floor.calls.per.minute",
                "Visits of the service called per minute, over nobat.metrics.calls-window",
                null,
                key,
                tags,
                Values::callsPerMinute));
        registered.add(gauge(
                "nobat.floor.target.breaches",
                "Waiting visits that have waited longer than the service's target wait",
                null,
                key,
                tags,
                v -> v.measure().targetBreaches()));
        registered.add(FunctionCounter.builder(
                        "nobat.floor.calls",
                        latest,
                        m -> value(m, key, v -> v.measure().called()))
                .description("Visits of the service called on today's floor (from zero each day)")
                .tags(tags)
                .register(registry));
        return registered;
    }

    private Gauge gauge(
            String name, String description, String unit, Key key, Tags tags, ToDoubleFunction<Values> read) {
        return Gauge.builder(name, latest, m -> value(m, key, read))
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private static double value(Map<Key, Values> latest, Key key, ToDoubleFunction<Values> read) {
        Values values = latest.get(key);
        return values == null ? Double.NaN : read.applyAsDouble(values);
    }
}
