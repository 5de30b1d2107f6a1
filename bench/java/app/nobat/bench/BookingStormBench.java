package app.nobat.bench;

import app.nobat.NobatApplication;
import app.nobat.booking.calendar.NationalHolidays;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The booking storm through HTTP beside the raw driver's insert rate on the same embedded store,
 * in one run: bookings per second and p50/p99 latency, inserts per second, and their ratio.
 * Not a test: it prints figures and asserts nothing about time.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=app.nobat.bench.BookingStormBench -Dexec.classpathScope=test</pre>
 */
public final class BookingStormBench {

    static final int CONCURRENCY = 64;
    static final int BOOKINGS = Integer.getInteger("bench.bookings", 8_000);
    static final int RAW_INSERTS = 8_000;
    static final List<String> SERVICES = List.of("b1", "b2", "b3", "b4");
    /** 4 services x 20 slots x 100 seats = 8,000 seats: every attempt of the first storm finds one. */
    static final int CAPACITY = 100;

    record Timed(int status, long nanos) {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nobat-booking-bench");
        writeSeeds(dir);
        ConfigurableApplicationContext app = SpringApplication.run(
                NobatApplication.class,
                "--server.port=0",
                "--nobat.mongo.data-dir=" + dir.resolve("data"),
                "--nobat.seed.centres=file:" + dir + "/centres/*.yml",
                "--nobat.seed.calendars=file:" + dir + "/calendars/*.yml",
                "--nobat.floor.closing.enabled=false",
                "--nobat.booking.sweep.enabled=false",
                "--nobat.rate-limit.booking-changes-per-minute=1000000",
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            MongoDatabase database = app.getBean(MongoDatabase.class);
            ConnectionProvider pool = ConnectionProvider.builder("bench")
                    .maxConnections(CONCURRENCY)
                    .pendingAcquireMaxCount(-1)
                    .build();
            WebClient client = WebClient.builder()
                    .baseUrl("http://localhost:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                    .build();
            String date = openDay();

            System.out.printf(
                    "BookingStormBench: embedded store (mongo-java-server + H2 file), %d concurrent, "
                            + "2-core machine%n",
                    CONCURRENCY);
            warmUp(client, date);
            rawInserts(database, "bench_raw_warm_up");
            double rawBefore = rawInserts(database, "bench_raw_before");
            Result storm = storm(client, date, BOOKINGS, 0);
            double rawAfter = rawInserts(database, "bench_raw_after");
            Result contended = storm(client, date, 4_000, BOOKINGS);

            double raw = (rawBefore + rawAfter) / 2;
            System.out.printf(
                    "raw driver insertOne (1 small document each): %,.0f/s before, %,.0f/s after the storm%n",
                    rawBefore, rawAfter);
            System.out.printf(
                    "booking storm: %,d bookings in %.1f s = %,.0f bookings/s; latency p50 %.1f ms, p99 %.1f ms; "
                            + "answers %s%n",
                    storm.ok, storm.seconds, storm.ok / storm.seconds, storm.p50, storm.p99, storm.statuses);
            System.out.printf(
                    "full slots: %,d attempts in %.1f s = %,.0f answers/s (%d booked); latency p50 %.1f ms, "
                            + "p99 %.1f ms; answers %s%n",
                    contended.total,
                    contended.seconds,
                    contended.total / contended.seconds,
                    contended.ok,
                    contended.p50,
                    contended.p99,
                    contended.statuses);
            System.out.printf(
                    "ratio bookings/s : raw inserts/s = %.3f (a booking writes 2 events, 1 code, 1 personal "
                            + "record and reads its day book, guard and calendar)%n",
                    storm.ok / storm.seconds / raw);
        } finally {
            app.close();
        }
    }

    record Result(int total, int ok, double seconds, double p50, double p99, Map<Integer, Integer> statuses) {}

    static Result storm(WebClient client, String date, int attempts, long identityBase) {
        AtomicLong identity = new AtomicLong(300_000_000_000L + identityBase);
        long started = System.nanoTime();
        List<Timed> timings = Flux.range(0, attempts)
                .flatMap(
                        i -> {
                            Map<String, Object> body = Map.of(
                                    "centreId",
                                    "bench",
                                    "serviceCode",
                                    SERVICES.get(i % SERVICES.size()),
                                    "date",
                                    date,
                                    "slot",
                                    slot(i / SERVICES.size() % 20),
                                    "identityType",
                                    "FOREIGN_NATIONAL_ID",
                                    "identityNumber",
                                    Long.toString(identity.incrementAndGet()),
                                    "phone",
                                    "09120000000");
                            long t0 = System.nanoTime();
                            return client.post()
                                    .uri("/api/appointments")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(body)
                                    .exchangeToMono(r -> r.releaseBody()
                                            .thenReturn(new Timed(r.statusCode().value(), System.nanoTime() - t0)));
                        },
                        CONCURRENCY)
                .collectList()
                .block();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] nanos = timings.stream().mapToLong(Timed::nanos).sorted().toArray();
        Map<Integer, Integer> statuses = new TreeMap<>();
        timings.forEach(t -> statuses.merge(t.status(), 1, Integer::sum));
        return new Result(
                timings.size(),
                statuses.getOrDefault(201, 0),
                seconds,
                percentile(nanos, 0.50),
                percentile(nanos, 0.99),
                statuses);
    }

    /** Single-document inserts on the same store, at the same concurrency as the storm. */
    static double rawInserts(MongoDatabase database, String collectionName) {
        return RawInserts.perSecond(database, collectionName, RAW_INSERTS, CONCURRENCY);
    }

    static void warmUp(WebClient client, String date) {
        client.get()
                .uri("/api/centres/bench/services/b1/slots?date=" + date)
                .retrieve()
                .bodyToMono(String.class)
                .block();
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String slot(int index) {
        int minutes = 8 * 60 + index * 15;
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    /** A day ahead that is neither a Friday nor a shipped holiday. */
    static String openDay() {
        var holidays = new NationalHolidays("classpath*:holidays/*.yml");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.FRIDAY || holidays.on(day) != null) {
            day = day.plusDays(1);
        }
        return day.toString();
    }

    static void writeSeeds(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("centres"));
        Files.createDirectories(dir.resolve("calendars"));
        StringBuilder centre = new StringBuilder("""
                centreId: bench
                names: { fa: bench, fa-AF: bench, ps: bench, en: bench }
                timeZone: Asia/Tehran
                services:
                """);
        char prefix = 'K';
        for (String s : SERVICES) {
            centre.append("  - { code: ")
                    .append(s)
                    .append(", prefix: ")
                    .append(prefix++)
                    .append(", targetWaitMinutes: 20, names: { fa: ")
                    .append(s)
                    .append(", fa-AF: ")
                    .append(s)
                    .append(", ps: ")
                    .append(s)
                    .append(", en: ")
                    .append(s)
                    .append(" } }\n");
        }
        centre.append("desks:\n  - { deskId: d1, serviceCodes: ")
                .append(SERVICES)
                .append(", names: { fa: d1, fa-AF: d1, ps: d1, en: d1 } }\nopeningHours:\n");
        for (DayOfWeek d : Arrays.stream(DayOfWeek.values())
                .filter(d -> d != DayOfWeek.FRIDAY)
                .toList()) {
            centre.append("  - { day: ").append(d).append(", opens: \"07:00\", closes: \"20:00\" }\n");
        }
        Files.writeString(dir.resolve("centres/bench.yml"), centre);
        StringBuilder calendar = new StringBuilder("centreId: bench\ntemplates:\n");
        for (String s : SERVICES) {
            calendar.append("  ")
                    .append(s)
                    .append(":\n    rules:\n      - { days: [SATURDAY, SUNDAY, MONDAY, TUESDAY, "
                            + "WEDNESDAY, THURSDAY], from: \"08:00\", until: \"13:00\", slotMinutes: 15, capacity: ")
                    .append(CAPACITY)
                    .append(" }\n");
        }
        Files.writeString(dir.resolve("calendars/bench.yml"), calendar);
    }
}
