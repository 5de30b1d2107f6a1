package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.domain.Appointment;
import app.nobat.booking.domain.AppointmentStatus;
import app.nobat.booking.domain.DayBookId;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The booking storm: 20,000 concurrent attempts through HTTP (a fifth of them repeats of the same
 * identities) for 2,000 seats in 2 services × 5 slots; then cancels racing new bookings, and a
 * refill. Capacity, one identity per service and "every seat back exactly once" are checked on
 * the answers, on the day books and on the raw stored events.
 */
@BookingIntegrationTest
class BookingStormIT {

    static final String C = "it-storm";
    static final String DATE = "2026-12-19";
    static final List<String> SERVICES = List.of("s1", "s2");
    static final List<String> SLOTS = List.of("09:00", "09:30", "10:00", "10:30", "11:00");
    static final int CAPACITY = 200;
    static final int SEATS = SERVICES.size() * SLOTS.size() * CAPACITY;

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Appointments appointments;

    @Autowired
    MongoDatabase database;

    WebClient client;
    final AtomicLong identities = new AtomicLong(200_000_000_000L);

    record Attempt(String service, String slot, String identity) {}

    record Outcome(Attempt attempt, int status, String code, String problem) {}

    @BeforeEach
    void setUp() {
        ((MutableClock) clock).set(BookingIntegrationTest.START);
        ConnectionProvider pool = ConnectionProvider.builder("storm")
                .maxConnections(64)
                .pendingAcquireMaxCount(-1)
                .build();
        client = WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .build();
    }

    Mono<Outcome> attempt(Attempt a) {
        Map<String, Object> body = Map.of(
                "centreId",
                C,
                "serviceCode",
                a.service(),
                "date",
                DATE,
                "slot",
                a.slot(),
                "identityType",
                "FOREIGN_NATIONAL_ID",
                "identityNumber",
                a.identity(),
                "phone",
                "09120000000",
                "language",
                "fa");
        return client.post()
                .uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(r -> r.bodyToMono(Map.class)
                        .map(m -> new Outcome(
                                a,
                                r.statusCode().value(),
                                (String) m.get("code"),
                                m.get("type") == null
                                        ? null
                                        : ((String) m.get("type")).replace("https://nobat.app/problems/", ""))));
    }

    List<Outcome> storm(List<Attempt> attempts) {
        return Flux.fromIterable(attempts)
                .flatMap(this::attempt, 64)
                .collectList()
                .block();
    }

    String freshIdentity() {
        return Long.toString(identities.incrementAndGet());
    }

    @Test
    void twentyThousandAttemptsForTwoThousandSeats() {
        Random random = new Random(42);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            pool.add(freshIdentity());
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // the first 16,000 use each identity once; the last 4,000 repeat identities already used
            String identity = i < 16_000 ? pool.get(i) : pool.get(random.nextInt(16_000));
            attempts.add(new Attempt(SERVICES.get(random.nextInt(2)), SLOTS.get(random.nextInt(5)), identity));
        }
        // the repeats race their originals: shuffle them among the first attempts
        Collections.shuffle(attempts, random);

        long started = System.nanoTime();
        List<Outcome> outcomes = storm(attempts);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<Object, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(
                        o -> o.status() + (o.problem() == null ? "" : " " + o.problem()), Collectors.counting()));
        System.out.printf(
                "Booking storm: %d attempts in %.1f s (%.0f/s): %s%n",
                outcomes.size(), seconds, outcomes.size() / seconds, byStatus);

        assertThat(outcomes).hasSize(20_000);
        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.status() == 201
                                || (o.status() == 409
                                        && List.of("slot-full", "identity-has-appointment")
                                                .contains(o.problem())))
                        .as("%s", o)
                        .isTrue());
        List<Outcome> booked = outcomes.stream().filter(o -> o.status() == 201).toList();
        assertThat(booked).hasSize(SEATS);
        assertOneAppointmentPerIdentityAndService(booked);
        assertEverySlotFullAndConsistent();

        // cancels race new bookings: every cancelled seat comes back exactly once
        List<Outcome> toCancel = booked.subList(0, 300);
        List<Attempt> newcomers = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            newcomers.add(new Attempt(SERVICES.get(random.nextInt(2)), SLOTS.get(random.nextInt(5)), freshIdentity()));
        }
        ConcurrentLinkedQueue<Integer> cancelStatuses = new ConcurrentLinkedQueue<>();
        Flux<Outcome> cancels = Flux.fromIterable(toCancel)
                .flatMap(
                        o -> client.delete()
                                .uri("/api/appointments/" + o.code())
                                .exchangeToMono(r -> {
                                    cancelStatuses.add(r.statusCode().value());
                                    return Mono.<Outcome>empty();
                                }),
                        16);
        List<Outcome> raced = Flux.merge(cancels, Flux.fromIterable(newcomers).flatMap(this::attempt, 48))
                .collectList()
                .block();
        assertThat(cancelStatuses).hasSize(300).containsOnly(200);
        List<Outcome> rebooked = raced.stream().filter(o -> o.status() == 201).toList();
        assertThat(raced)
                .allSatisfy(o -> assertThat(o.status() == 201 || "slot-full".equals(o.problem()))
                        .as("%s", o)
                        .isTrue());
        assertThat(rebooked.size()).isLessThanOrEqualTo(300);

        // the refill: whatever is still free is taken, and then not a seat more
        List<Outcome> refilled = new ArrayList<>();
        for (String service : SERVICES) {
            Map<LocalTime, Integer> taken = appointments.seatsTaken(new DayBookId(C, service, LocalDate.parse(DATE)));
            for (String slot : SLOTS) {
                int free = CAPACITY - taken.getOrDefault(LocalTime.parse(slot), 0);
                List<Attempt> fill = new ArrayList<>();
                for (int i = 0; i < free + 3; i++) {
                    fill.add(new Attempt(service, slot, freshIdentity()));
                }
                List<Outcome> result = storm(fill);
                assertThat(result.stream().filter(o -> o.status() == 201).count())
                        .as("%s %s", service, slot)
                        .isEqualTo(free);
                refilled.addAll(result.stream().filter(o -> o.status() == 201).toList());
            }
        }
        assertThat(rebooked.size() + refilled.size())
                .as("every cancelled seat came back once")
                .isEqualTo(300);
        assertEverySlotFullAndConsistent();
        System.out.printf(
                "Cancels racing bookings: 300 cancelled, %d taken again in the race, %d in the refill%n",
                rebooked.size(), refilled.size());
    }

    void assertOneAppointmentPerIdentityAndService(List<Outcome> booked) {
        Map<String, Long> perIdentity = booked.stream()
                .collect(Collectors.groupingBy(
                        o -> o.attempt().service() + "/" + o.attempt().identity(), Collectors.counting()));
        assertThat(perIdentity.values()).allMatch(n -> n == 1);
        assertThat(booked.stream().map(Outcome::code).distinct().count()).isEqualTo(booked.size());
    }

    /** Each slot holds exactly its capacity, by the day book, by its guards and by a count of the raw events. */
    void assertEverySlotFullAndConsistent() {
        for (String service : SERVICES) {
            DayBookId day = new DayBookId(C, service, LocalDate.parse(DATE));
            Map<LocalTime, Integer> taken = appointments.seatsTaken(day);
            for (String slot : SLOTS) {
                assertThat(taken.get(LocalTime.parse(slot)))
                        .as("%s %s", service, slot)
                        .isEqualTo(CAPACITY);
            }
            List<Appointment> active = appointments.day(day).orElseThrow().appointments().stream()
                    .filter(a -> a.status() == AppointmentStatus.BOOKED)
                    .toList();
            assertThat(active).hasSize(SLOTS.size() * CAPACITY);
            assertThat(active.stream().map(Appointment::guardId).distinct().count())
                    .as("one active appointment per identity")
                    .isEqualTo(active.size());

            Map<String, Integer> fromEvents = new HashMap<>();
            database.getCollection("domainevents")
                    .find(Filters.eq("aggregateIdentifier", day.toString()))
                    .forEach((Document d) -> {
                        String type = d.getString("payloadType");
                        String payload = d.getString("payload");
                        String slot = payload.replaceAll(".*\"slot\":\"([0-9:]+)\".*", "$1");
                        if (type.endsWith("AppointmentBooked")) {
                            fromEvents.merge(slot, 1, Integer::sum);
                        } else if (type.endsWith("AppointmentCancelled")) {
                            fromEvents.merge(slot, -1, Integer::sum);
                        }
                    });
            assertThat(fromEvents)
                    .as("booked minus cancelled per slot, from the raw events of %s", service)
                    .hasSize(SLOTS.size())
                    .allSatisfy((slot, n) -> assertThat(n).isEqualTo(CAPACITY));
        }
    }
}
