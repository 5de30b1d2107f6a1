package app.nobat.bench;

import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.DeskOpened;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import app.nobat.floor.domain.FloorEvent.FloorStarted;
import app.nobat.floor.domain.FloorEvent.ServiceStarted;
import app.nobat.floor.domain.FloorEvent.TicketCalled;
import app.nobat.floor.domain.FloorEvent.TicketRecalled;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.FloorEvent.VisitCancelled;
import app.nobat.floor.domain.FloorEvent.VisitCompleted;
import app.nobat.floor.domain.FloorEvent.VisitMarkedNoShow;
import app.nobat.floor.domain.FloorEvent.VisitTransferred;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.reports.domain.DayStatistics;
import app.nobat.reports.domain.Grouping;
import app.nobat.reports.domain.ReportRow;
import app.nobat.reports.domain.Reports;
import app.nobat.reports.store.ReportStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How long the report of a month of a busy centre takes: 30 days of 2,000 visits (60,000 visits),
 * 6 services and 20 desks, folded into the statistics records by the same fold the projection
 * runs, stored on mongo-java-server's H2 file backend through the real driver, then the month's
 * report in every grouping (the records read by key, then added up: what
 * {@code GET /api/centres/{id}/reports} does). Prints the fold's cost per event, the cost of one
 * record's write (what the projection pays per event), and each report, best of 3 rounds.
 */
public final class ReportBench {

    static final int DAYS = 30;
    static final int VISITS_PER_DAY = 2_000;
    static final int SERVICES = 6;
    static final int DESKS = 20;
    static final int ROUNDS = 3;
    static final String CENTRE = "bench-centre";
    static final LocalDate FIRST = LocalDate.parse("2026-11-01");

    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nobat-report-bench");
        MongoServer server =
                new MongoServer(new H2Backend(dir.resolve("bench.mv").toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            run(new ReportStore(client.getDatabase("bench"), new ObjectMapper()));
        } finally {
            server.shutdown();
            deleteRecursively(dir);
        }
    }

    static void run(ReportStore store) {
        System.out.printf(
                "ReportBench: %d days x %d visits = %,d visits, %d services, %d desks; H2 file backend%n",
                DAYS, VISITS_PER_DAY, DAYS * VISITS_PER_DAY, SERVICES, DESKS);
        Random random = new Random(15);
        long events = 0;
        long foldNanos = 0;
        List<DayStatistics> month = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            List<FloorEvent> script = day(day, random);
            events += script.size();
            long start = System.nanoTime();
            DayStatistics stats = new DayStatistics(CENTRE, day.toString());
            long seq = 0;
            for (FloorEvent e : script) {
                stats.apply(e, seq++, "clerk");
            }
            foldNanos += System.nanoTime() - start;
            month.add(stats);
        }
        System.out.printf("folded %,d events in %.1f s: %,d ns/event%n", events, foldNanos / 1e9, foldNanos / events);

        long writeStart = System.nanoTime();
        for (DayStatistics day : month) {
            store.save(day);
        }
        long writeNanos = (System.nanoTime() - writeStart) / DAYS;
        long rewriteNanos = Long.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                store.save(month.get(DAYS - 1));
            }
            rewriteNanos = Math.min(rewriteNanos, (System.nanoTime() - start) / 20);
        }
        System.out.printf(
                "write of a full day's record (%,d visits): first %.1f ms, again %.1f ms%n",
                VISITS_PER_DAY, writeNanos / 1e6, rewriteNanos / 1e6);

        Map<String, Integer> targets = new HashMap<>();
        for (int s = 0; s < SERVICES; s++) {
            targets.put("s" + s, 15);
        }
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            ids.add(DayStatistics.id(CENTRE, FIRST.plusDays(d).toString()));
        }
        LocalDate last = FIRST.plusDays(DAYS - 1);
        for (Grouping grouping : Grouping.values()) {
            long best = Long.MAX_VALUE;
            long bestRead = Long.MAX_VALUE;
            List<ReportRow> rows = List.of();
            ReportRow total = null;
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                List<DayStatistics> days = store.findAll(ids);
                long read = System.nanoTime() - start;
                rows = Reports.rows(days, grouping, FIRST, last, targets);
                total = Reports.total(days, targets);
                long took = System.nanoTime() - start;
                best = Math.min(best, took);
                bestRead = Math.min(bestRead, read);
            }
            System.out.printf(
                    "report of the month by %-7s: %7.1f ms (read of 30 records %7.1f ms), %3d rows, %,d served,"
                            + " mean wait %.0f s, p90 %d s%n",
                    grouping.wireName(),
                    best / 1e6,
                    bestRead / 1e6,
                    rows.size(),
                    total.served(),
                    total.waitMeanSeconds(),
                    total.waitP90Seconds());
        }
    }

    /** A busy day: arrivals over 8 hours; most served, some transferred, recalled, no-shows, gone. */
    static List<FloorEvent> day(LocalDate day, Random random) {
        String floor = CENTRE + ":" + day;
        Instant open =
                day.atStartOfDay(ZoneOffset.UTC).plusHours(4).plusMinutes(30).toInstant();
        Map<String, String> prefixes = new HashMap<>();
        Set<String> all = new TreeSet<>();
        for (int s = 0; s < SERVICES; s++) {
            prefixes.put("s" + s, String.valueOf((char) ('A' + s)));
            all.add("s" + s);
        }
        Map<String, Set<String>> desks = new HashMap<>();
        for (int k = 0; k < DESKS; k++) {
            desks.put("d" + k, all);
        }
        List<Timed> events = new ArrayList<>();
        events.add(new Timed(
                FloorStarted.of(
                        floor,
                        CENTRE,
                        day.toString(),
                        new FloorSettings(
                                "Asia/Tehran", prefixes, desks, QueuePolicySettings.defaults(), EndOfDayRule.CLOSE, 3),
                        open),
                0));
        for (int k = 0; k < DESKS; k++) {
            events.add(new Timed(new DeskOpened(floor, "d" + k, all, "clerk" + k, open), 0));
        }
        PriorityClass[] classes = PriorityClass.values();
        CallReason reason = new CallReason(PriorityClass.NONE, 0, 1, 0, 0, false);
        for (int v = 0; v < VISITS_PER_DAY; v++) {
            String id = floor + ":v" + v;
            String service = "s" + random.nextInt(SERVICES);
            String desk = "d" + random.nextInt(DESKS);
            long arrive = (long) (random.nextDouble() * 8 * 3600);
            PriorityClass cls =
                    random.nextInt(10) == 0 ? classes[1 + random.nextInt(classes.length - 1)] : PriorityClass.NONE;
            String appointment = random.nextInt(5) == 0 ? "ref" + v : null;
            Instant at = open.plusSeconds(arrive);
            events.add(new Timed(
                    new VisitArrived(
                            floor, id, "r" + v, service, "A-" + v, v + 1, cls, appointment, "t" + v, at, null, at),
                    arrive));
            int fate = random.nextInt(100);
            if (fate < 2) {
                events.add(new Timed(new VisitCancelled(floor, null, id, "LEFT", at.plusSeconds(600)), arrive + 600));
                continue;
            }
            long call = arrive + (long) (-Math.log(1 - random.nextDouble()) * 720);
            events.add(new Timed(
                    new TicketCalled(floor, desk, id, "A-" + v, service, "c" + v, reason, open.plusSeconds(call)),
                    call));
            if (fate < 5) {
                for (int r = 1; r <= 3; r++) {
                    events.add(new Timed(
                            new TicketRecalled(floor, desk, id, "A-" + v, r, open.plusSeconds(call + 60L * r)),
                            call + 60L * r));
                }
                events.add(new Timed(new VisitMarkedNoShow(floor, desk, id, open.plusSeconds(call + 240)), call + 240));
                continue;
            }
            long start = call + 60;
            long end = start + 120 + (long) (-Math.log(1 - random.nextDouble()) * 420);
            events.add(new Timed(new ServiceStarted(floor, desk, id, open.plusSeconds(start)), start));
            if (fate < 10) {
                String to = "s" + ((Integer.parseInt(service.substring(1)) + 1) % SERVICES);
                events.add(new Timed(
                        new VisitTransferred(floor, desk, id, service, to, "B-" + v, v + 1, open.plusSeconds(end)),
                        end));
                long again = end + 300;
                events.add(new Timed(
                        new TicketCalled(floor, desk, id, "B-" + v, to, "c2" + v, reason, open.plusSeconds(again)),
                        again));
                events.add(new Timed(new ServiceStarted(floor, desk, id, open.plusSeconds(again + 60)), again + 60));
                end = again + 360;
            }
            events.add(new Timed(new VisitCompleted(floor, desk, id, open.plusSeconds(end)), end));
        }
        events.sort(Comparator.comparingLong(Timed::second));
        List<FloorEvent> script = new ArrayList<>();
        events.forEach(t -> script.add(t.event()));
        script.add(new FloorClosed(floor, EndOfDayRule.CLOSE, List.of(), open.plusSeconds(12 * 3600)));
        return script;
    }

    record Timed(FloorEvent event, long second) {}

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
