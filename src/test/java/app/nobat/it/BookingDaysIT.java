package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The booking calendar's month answer: every day marked open, past, closed, holiday, beyond the horizon or full. */
@BookingIntegrationTest
class BookingDaysIT {

    static final String C = "it-booking";
    static final AtomicLong IDS = new AtomicLong(300_000_000_000L);

    @Autowired
    WebTestClient http;

    @Autowired
    Clock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ((MutableClock) clock).set(BookingIntegrationTest.START); // Tuesday 2026-12-01, 08:30 in Tehran
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> days(String service, String from, String to) {
        Map<String, Object> answer =
                api.get("/api/centres/" + C + "/services/" + service + "/days?from=" + from + "&to=" + to, 200);
        return ((List<Map<String, Object>>) answer.get("days"))
                .stream().collect(Collectors.toMap(d -> (String) d.get("date"), d -> d));
    }

    @Test
    void eachDayIsMarkedWithItsReason() {
        api.http
                .put()
                .uri("/api/centres/" + C + "/holidays/2026-12-16")
                .bodyValue(Map.of("names", Map.of("en", "Days test holiday", "fa", "تعطیل آزمون روزها")))
                .exchange()
                .expectStatus()
                .isOk();
        for (String slot : List.of("08:00", "09:00", "10:00", "11:00")) {
            api.post(
                    "/api/appointments",
                    Api.bookRequest(
                            C,
                            "permit",
                            "2026-12-14",
                            slot,
                            "FOREIGN_NATIONAL_ID",
                            Long.toString(IDS.incrementAndGet()),
                            "0912 345 6789",
                            "fa"),
                    201);
        }
        Map<String, Map<String, Object>> days = Api.eventually(
                () -> days("permit", "2026-11-30", "2026-12-20"),
                d -> "HOLIDAY".equals(d.get("2026-12-16").get("state"))
                        && "FULL".equals(d.get("2026-12-14").get("state")));
        assertThat(days).hasSize(21);
        assertThat(days.get("2026-11-30")).containsEntry("state", "PAST");
        // today: the 08:00 slot has started, three of four are left
        assertThat(days.get("2026-12-01")).containsEntry("state", "OPEN").containsEntry("free", 3);
        assertThat(days.get("2026-12-04")).containsEntry("state", "CLOSED"); // a Friday
        assertThat(days.get("2026-12-16"))
                .containsEntry("holidayNames", Map.of("en", "Days test holiday", "fa", "تعطیل آزمون روزها"));
        assertThat(days.get("2026-12-14")).containsEntry("free", 0);
        assertThat(days.get("2026-12-15")).containsEntry("state", "OPEN").containsEntry("free", 4);

        Map<String, Map<String, Object>> later = days("permit", "2027-01-27", "2027-02-02");
        assertThat(later.get("2027-01-30")).containsEntry("state", "OPEN"); // today + 60 days, the horizon
        assertThat(later.get("2027-01-31")).containsEntry("state", "BEYOND_HORIZON");

        api.http
                .delete()
                .uri("/api/centres/" + C + "/holidays/2026-12-16")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aRangeIsOneToFortyTwoDays() {
        Map<String, Object> tooLong =
                api.get("/api/centres/" + C + "/services/permit/days?from=2026-12-01&to=2027-01-31", 400);
        assertThat((String) tooLong.get("type")).endsWith("/invalid-input");
        assertThat(tooLong).containsEntry("code", "out-of-bounds");
        api.get("/api/centres/" + C + "/services/permit/days?from=2026-12-05&to=2026-12-01", 400);
        api.get("/api/centres/" + C + "/services/nope/days?from=2026-12-01&to=2026-12-05", 404);
    }
}
