package app.nobat.bench;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.display.DisplayView;
import app.nobat.eventstore.MongoEventStorageEngine;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.Floor;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import app.nobat.floor.history.FloorHistory;
import app.nobat.floor.history.FloorHistory.Recorded;
import app.nobat.floor.web.FloorController;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How long the floor at an instant of a busy day takes to rebuild: a day of 3,000 visits (arrival,
 * call, start, completion each; 50 desks) stored in the floor's stream on mongo-java-server's H2
 * file backend through the real driver, then, as {@code GET /api/centres/{centreId}/history/floor}
 * does, the day's events read from the event store and folded into a fresh board up to the instant,
 * and the queues and display built from it. Not a test; run with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=app.nobat.bench.TimeTravelBench -Dexec.classpathScope=test}.
 */
public final class TimeTravelBench {

    private static final int VISITS = 3_000;
    private static final int DESKS = 50;
    private static final int ROUNDS = 5;
    private static final String CENTRE = "bench-centre";
    private static final LocalDate DAY = LocalDate.parse("2026-12-05");
    /** 08:00 in Tehran. */
    private static final Instant OPENS = Instant.parse("2026-12-05T04:30:00Z");

    private static final List<String> SERVICES = List.of("residence", "identity", "health");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nobat-time-travel-bench");
        MongoServer server =
                new MongoServer(new H2Backend(dir.resolve("bench.mv").toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            JacksonSerializer serializer = JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                    .build();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(client.getDatabase("bench"))
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            EmbeddedEventStore store =
                    EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                run(engine, store);
            } finally {
                store.shutDown();
            }
        } finally {
            server.shutdown();
            deleteRecursively(dir);
        }
    }

    private static void run(MongoEventStorageEngine engine, EmbeddedEventStore store) {
        FloorId floor = new FloorId(CENTRE, DAY);
        List<FloorEvent> day = scriptedDay(floor.toString());
        long fillStart = System.nanoTime();
        for (int from = 0; from < day.size(); from += 1_000) {
            List<EventMessage<?>> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(day.size(), from + 1_000); i++) {
                chunk.add(new GenericDomainEventMessage<>(
                        "Floor", floor.toString(), i, day.get(i), Map.of("actor", "bench-desk")));
            }
            engine.appendEvents(chunk);
        }
        System.out.printf(
                "TimeTravelBench: H2 file backend, a day of %,d visits at %d desks = %,d floor events, "
                        + "stored in %.1f s; best of %d rounds%n",
                VISITS, DESKS, day.size(), (System.nanoTime() - fillStart) / 1e9, ROUNDS);

        FloorHistory history = new FloorHistory(store);
        CentreProfile centre = profile();
        Instant last = day.get(day.size() - 1).at();
        Instant noon = Instant.parse("2026-12-05T08:30:00Z");
        Map<String, Instant> instants = new LinkedHashMap<>();
        instants.put("10:30", Instant.parse("2026-12-05T07:00:00Z"));
        instants.put("12:00", noon);
        instants.put("end of day", last);

        // the first request for a day reads its whole stream; a fresh FloorHistory each round
        double read = Double.MAX_VALUE;
        List<Recorded> events = List.of();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            events = new FloorHistory(store).day(floor);
            read = Math.min(read, (System.nanoTime() - start) / 1e6);
        }
        if (events.size() != day.size()) {
            throw new IllegalStateException("read " + events.size() + " events, stored " + day.size());
        }
        System.out.printf("first read of the day's %,d events from the event store: %,8.1f ms%n", events.size(), read);
        // the next steps of a playback read on from the day's last event: nothing new for a past day
        history.day(floor);
        double again = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            events = history.day(floor);
            again = Math.min(again, (System.nanoTime() - start) / 1e6);
        }
        System.out.printf("a later read of the same day (from its last event on):  %,8.1f ms%n", again);

        for (Map.Entry<String, Instant> at : instants.entrySet()) {
            double fold = Double.MAX_VALUE;
            double views = Double.MAX_VALUE;
            FloorBoard board = null;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                board = FloorHistory.boardAt(events, at.getValue());
                long folded = System.nanoTime();
                var queues = FloorController.queuesOf(centre, board, at.getValue());
                var display = DisplayView.of(board, SERVICES, at.getValue());
                long built = System.nanoTime();
                fold = Math.min(fold, (folded - start) / 1e6);
                views = Math.min(views, (built - folded) / 1e6);
                if (queues.services().isEmpty() || display.services().isEmpty()) {
                    throw new IllegalStateException("empty views");
                }
            }
            int waiting = board.visits.size();
            System.out.printf(
                    "floor at %-10s: fold of %,6d events %,6.1f ms, queues and display %,5.1f ms; "
                            + "first request %,8.1f ms, a later step %,6.1f ms (%,d open visits)%n",
                    at.getKey(),
                    FloorHistory.eventsUpTo(events, at.getValue()),
                    fold,
                    views,
                    read + fold + views,
                    again + fold + views,
                    waiting);
        }
        double instantsMs = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            int n = FloorHistory.instants(new FloorHistory(store).day(floor)).size();
            instantsMs = Math.min(instantsMs, (System.nanoTime() - start) / 1e6);
            if (n == 0) {
                throw new IllegalStateException("no instants");
            }
        }
        System.out.printf("the day's instants, first request (read and list): %,8.1f ms%n", instantsMs);
    }

    /**
     * 3,000 arrivals evenly over eight hours in three services, a tenth elderly; each desk serves every
     * service, calls the head of the longest-waiting queue when free (at the next arrival's instant), and
     * takes 5 to 10 minutes.
     */
    private static List<FloorEvent> scriptedDay(String floorId) {
        Random random = new Random(15);
        List<FloorEvent> events = new ArrayList<>();
        Map<String, Set<String>> deskServices = new TreeMap<>();
        for (int d = 1; d <= DESKS; d++) {
            deskServices.put("d" + d, Set.copyOf(SERVICES));
        }
        FloorSettings settings = new FloorSettings(
                "Asia/Tehran",
                Map.of("residence", "A", "identity", "B", "health", "C"),
                deskServices,
                QueuePolicySettings.defaults(),
                EndOfDayRule.CLOSE,
                2);
        events.add(FloorEvent.FloorStarted.of(floorId, CENTRE, DAY.toString(), settings, OPENS));
        for (String desk : deskServices.keySet()) {
            events.add(new FloorEvent.DeskOpened(floorId, desk, Set.copyOf(SERVICES), "bench-" + desk, OPENS));
        }
        record Waiting(String visitId, String ticket, String service, PriorityClass priority, Instant arrived) {}
        Map<String, Deque<Waiting>> queues = new TreeMap<>();
        SERVICES.forEach(s -> queues.put(s, new ArrayDeque<>()));
        Map<String, Instant> freeAt = new TreeMap<>();
        deskServices.keySet().forEach(d -> freeAt.put(d, OPENS));
        Map<String, Integer> numbers = new TreeMap<>();
        long spacingMillis = Duration.ofHours(8).toMillis() / VISITS;
        List<FloorEvent> later = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            Instant now = OPENS.plusMillis(spacingMillis * i + 1_000);
            // desks free by now call first, in the order they became free
            List<String> free = freeAt.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(now))
                    .sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .toList();
            for (String desk : free) {
                Waiting next = queues.values().stream()
                        .filter(q -> !q.isEmpty())
                        .map(Deque::peekFirst)
                        .min(Comparator.comparing(Waiting::arrived))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                queues.get(next.service()).pollFirst();
                // called at this step's instant, so that the stream stays in the order of its instants
                Instant calledAt = now;
                double waited = Duration.between(next.arrived(), calledAt).toMillis() / 60_000.0;
                double weight = next.priority() == PriorityClass.NONE ? 1.0 : 2.0;
                flush(events, later, calledAt);
                events.add(new FloorEvent.TicketCalled(
                        floorId,
                        desk,
                        next.visitId(),
                        next.ticket(),
                        next.service(),
                        "call-" + next.visitId(),
                        new CallReason(next.priority(), waited, weight, 0, waited * weight, false),
                        calledAt));
                Instant started = calledAt.plusSeconds(30);
                Instant done = started.plusSeconds(300 + random.nextInt(300));
                later.add(new FloorEvent.ServiceStarted(floorId, desk, next.visitId(), started));
                later.add(new FloorEvent.VisitCompleted(floorId, desk, next.visitId(), done));
                freeAt.put(desk, done);
            }
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            int number = numbers.merge(service, 1, Integer::sum);
            String ticket = Floor.ticketOf(settings.servicePrefixes().get(service), number);
            PriorityClass priority = random.nextInt(10) == 0 ? PriorityClass.ELDERLY : PriorityClass.NONE;
            String visitId = floorId + ":v" + i;
            flush(events, later, now);
            events.add(new FloorEvent.VisitArrived(
                    floorId,
                    visitId,
                    "arrive-" + i,
                    service,
                    ticket,
                    number,
                    priority,
                    null,
                    "token-" + i,
                    now,
                    null,
                    now));
            queues.get(service).addLast(new Waiting(visitId, ticket, service, priority, now));
        }
        flush(events, later, Instant.MAX);
        return events;
    }

    /** The starts and completions due by {@code now}, in the order of their instants. */
    private static void flush(List<FloorEvent> events, List<FloorEvent> later, Instant now) {
        List<FloorEvent> due = later.stream()
                .filter(e -> !e.at().isAfter(now))
                .sorted(Comparator.comparing(FloorEvent::at))
                .toList();
        later.removeAll(due);
        events.addAll(due);
    }

    private static CentreProfile profile() {
        Map<String, String> names = Map.of("fa", "مرکز", "fa-AF", "مرکز", "ps", "مرکز", "en", "Centre");
        return new CentreProfile(
                CENTRE,
                names,
                "Asia/Tehran",
                SERVICES.stream()
                        .map(s -> new CentreProfile.Service(s, s.substring(0, 1).toUpperCase(), names, 20))
                        .toList(),
                List.of(),
                List.of(),
                QueuePolicySettings.defaults(),
                EndOfDayRule.CLOSE,
                2);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
