package app.nobat.floor.board;

import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A floor of a random morning for the forecast's tests and benchmark: twelve or more desks of two or
 * three services each (every service has one), an hour of service behind them, some desks busy and
 * one paused, and a long line of visitors of every class, a fifth of them with appointments.
 */
public final class RandomFloor {

    static final String F = "gulf:2026-12-03";
    static final Instant T0 = Instant.parse("2026-12-03T04:00:00Z"); // 07:30 in Tehran
    static final List<String> SERVICES = List.of("a", "b", "c", "d", "e");
    static final PriorityClass[] CLASSES = PriorityClass.values();

    public final FloorBoard board = new FloorBoard();
    /** The instant the line stands at: the end of the hour of service. */
    public Instant now;

    private final int deskCount;
    private long seq;

    public RandomFloor(int deskCount) {
        this.deskCount = deskCount;
    }

    private void apply(FloorEvent event) {
        board.apply(event, seq++);
    }

    static Instant at(double minutes) {
        return T0.plusMillis(Math.round(minutes * 60_000));
    }

    /** A floor of a random morning: desks of two or three services, some busy or paused, a long mixed line. */
    public RandomFloor build(long seed, int waiting) {
        Random random = new Random(seed);
        Map<String, Set<String>> desks = new TreeMap<>();
        for (int d = 1; d <= deskCount; d++) {
            Set<String> services = new TreeSet<>(Set.of(SERVICES.get(d % SERVICES.size())));
            while (services.size() < 2 + random.nextInt(2)) {
                services.add(SERVICES.get(random.nextInt(SERVICES.size())));
            }
            desks.put("desk-" + d, services);
        }
        Map<String, String> prefixes = new TreeMap<>();
        SERVICES.forEach(s -> prefixes.put(s, s.toUpperCase()));
        apply(FloorStarted.of(
                F,
                "gulf",
                "2026-12-03",
                new FloorSettings(
                        "Asia/Tehran",
                        prefixes,
                        desks,
                        new QueuePolicySettings(
                                Map.of(PriorityClass.ELDERLY, 2.0, PriorityClass.MEDICAL_REFERRAL, 3.0), 30, 3),
                        EndOfDayRule.CLOSE,
                        2),
                T0));
        desks.forEach((desk, services) -> apply(new DeskOpened(F, desk, services, "s-" + desk, at(0))));
        int visit = 0;
        double t = 0;
        // an hour of service: every desk serves visits of its services one after another
        for (var desk : desks.entrySet()) {
            double clock = random.nextDouble() * 3;
            List<String> services = new ArrayList<>(desk.getValue());
            while (clock < 60) {
                String id = "h" + visit++;
                arrive(id, services.get(random.nextInt(services.size())), randomClass(random), false, clock);
                call(desk.getKey(), id, clock);
                clock += 2 + random.nextDouble() * 12;
                apply(new ServiceStarted(F, desk.getKey(), id, at(clock)));
                apply(new VisitCompleted(F, desk.getKey(), id, at(clock)));
            }
            t = Math.max(t, clock);
        }
        for (int i = 0; i < waiting; i++) {
            arrive(
                    "w" + i,
                    SERVICES.get(random.nextInt(SERVICES.size())),
                    randomClass(random),
                    random.nextDouble() < 0.2,
                    t * random.nextDouble());
        }
        // some desks busy, one paused
        List<String> ids = new ArrayList<>(desks.keySet());
        for (int d = 0; d < 4; d++) {
            String desk = ids.get(d);
            String id = "busy" + d;
            arrive(id, desks.get(desk).iterator().next(), PriorityClass.NONE, false, t - 1);
            call(desk, id, t - random.nextDouble() * 8);
        }
        apply(new DeskPaused(F, ids.get(ids.size() - 1), at(t - 5), "break"));
        now = at(t);
        return this;
    }

    static PriorityClass randomClass(Random random) {
        return random.nextDouble() < 0.8 ? PriorityClass.NONE : CLASSES[1 + random.nextInt(CLASSES.length - 1)];
    }

    private void arrive(String visit, String service, PriorityClass cls, boolean appointment, double minute) {
        seq++;
        apply(new VisitArrived(
                F,
                visit,
                null,
                service,
                service.toUpperCase() + "-" + seq,
                (int) seq,
                cls,
                appointment ? "appt-" + visit : null,
                "t-" + visit,
                at(minute),
                null,
                at(minute)));
    }

    private void call(String desk, String visit, double minute) {
        var v = board.visits.get(visit);
        apply(new TicketCalled(
                F,
                desk,
                visit,
                v.ticket,
                v.serviceCode,
                "r-" + visit,
                new CallReason(v.priorityClass, 0, 1, 0, 0, false),
                at(minute)));
    }
}
