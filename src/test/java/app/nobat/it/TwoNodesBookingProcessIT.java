package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.calendar.NationalHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Two application nodes on one store take bookings for the same slots at once: capacity and the
 * one-identity rule hold across nodes, a booking made on one node is read, cancelled and moved on
 * the other, and a cancelled seat is sold again exactly once.
 */
class TwoNodesBookingProcessIT {

    static final String C = "it-booking";
    final TwoNodes nodes = new TwoNodes("two-nodes-booking");
    final AppProcess a = nodes.a;
    final AppProcess b = nodes.b;

    @AfterEach
    void stop() throws InterruptedException {
        nodes.close();
    }

    /** An open day of the test centre a few days ahead: not a Friday, not a national holiday. */
    static LocalDate openDayAfter(LocalDate from) {
        NationalHolidays holidays = new NationalHolidays("classpath*:holidays/*.yml");
        LocalDate day = from;
        while (day.getDayOfWeek() == DayOfWeek.FRIDAY || holidays.on(day) != null) {
            day = day.plusDays(1);
        }
        return day;
    }

    static Map<String, Object> request(String date, String slot, String identity) {
        return Api.bookRequest(C, "docs", date, slot, "CENSUS_SLIP", identity, "+989121110000", null);
    }

    @Test
    void capacityAndOneIdentityHoldAcrossNodes() throws Exception {
        nodes.start();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tehran"));
        String day = openDayAfter(today.plusDays(3)).toString();
        String otherDay = openDayAfter(LocalDate.parse(day).plusDays(1)).toString();
        List<String> slots = List.of("08:00", "08:30", "09:00", "09:30", "10:00"); // 5 slots x 2 seats
        Random random = new Random(7);
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            // 60 identities, each trying four times, on random slots, through either node
            attempts.add(request(day, slots.get(random.nextInt(slots.size())), Integer.toString(700_000 + i % 60)));
        }
        Collections.shuffle(attempts, random);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ResponseEntity<Map<String, Object>>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < attempts.size(); i++) {
                AppProcess node = i % 2 == 0 ? a : b;
                Map<String, Object> body = attempts.get(i);
                futures.add(pool.submit(() -> node.post("/api/appointments", body)));
            }
            List<Map<String, Object>> booked = new ArrayList<>();
            Map<String, Long> problems = new HashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                ResponseEntity<Map<String, Object>> r = futures.get(i).get();
                if (r.getStatusCode().value() == 201) {
                    Map<String, Object> entry = new HashMap<>(r.getBody());
                    entry.put("identity", attempts.get(i).get("identityNumber"));
                    booked.add(entry);
                } else {
                    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
                    problems.merge((String) r.getBody().get("type"), 1L, Long::sum);
                }
            }
            System.out.printf("Two nodes, 240 attempts for 10 seats: %d booked, refused %s%n", booked.size(), problems);
            assertThat(booked).hasSize(10);
            assertThat(booked.stream()
                            .collect(Collectors.groupingBy(m -> m.get("identity"), Collectors.counting()))
                            .values())
                    .allMatch(n -> n == 1);
            assertThat(booked.stream()
                            .collect(Collectors.groupingBy(m -> m.get("slot"), Collectors.counting()))
                            .values())
                    .allMatch(n -> n == 2);

            // made on one node, read, moved and cancelled on the other
            String code = (String) booked.get(0).get("code");
            assertThat(b.get("/api/appointments/" + code).getBody()).containsEntry("status", "BOOKED");
            assertThat(a.get("/api/appointments/" + code).getBody()).containsEntry("status", "BOOKED");
            var moved = b.post("/api/appointments/" + code + "/reschedule", Map.of("date", otherDay, "slot", "11:00"));
            assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);
            assertThat(a.get("/api/appointments/" + code).getBody()).containsEntry("date", otherDay);

            // the freed seat is sold once, to one of two newcomers racing on the two nodes
            String freedSlot = (String) booked.get(0).get("slot");
            var first = pool.submit(() -> a.post("/api/appointments", request(day, freedSlot, "900001")));
            var second = pool.submit(() -> b.post("/api/appointments", request(day, freedSlot, "900002")));
            List<Integer> statuses = List.of(
                    first.get().getStatusCode().value(),
                    second.get().getStatusCode().value());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            @SuppressWarnings("unchecked")
            var listed = (List<Map<String, Object>>) a.get("/api/centres/" + C + "/services/docs/slots?date=" + day)
                    .getBody()
                    .get("slots");
            assertThat(listed)
                    .filteredOn(s -> slots.contains(s.get("start")))
                    .hasSize(5)
                    .allSatisfy(s -> assertThat(s.get("free")).isEqualTo(0));
        } finally {
            pool.shutdownNow();
        }
    }
}
