package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * No walk-in ticket on a day the centre has declared a holiday, even within its opening hours (a
 * centre open around the clock here); lifting the holiday opens the kiosk again.
 */
@IntegrationTest
class WalkInHolidayIT {

    static final String C = "it-holiday";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    WebTestClient.ResponseSpec walkIn() {
        return admin.post()
                .uri("/api/centres/" + C + "/visits")
                .bodyValue(Map.of("serviceCode", "papers"))
                .exchange();
    }

    @Test
    void aWalkInOnAHolidayIsRefusedAndTakenOnceTheHolidayIsLifted() {
        String today = LocalDate.now(ZoneId.of("Asia/Tehran")).toString();
        admin.put()
                .uri("/api/centres/" + C + "/holidays/" + today)
                .bodyValue(Map.of("names", Map.of("en", "Walk-in test holiday", "fa", "تعطیل آزمون")))
                .exchange()
                .expectStatus()
                .isOk();
        awaitHoliday(today, true);

        Map<String, Object> refusal = walkIn().expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(refusal).containsEntry("code", "closed-holiday").containsEntry("date", today);

        admin.delete()
                .uri("/api/centres/" + C + "/holidays/" + today)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        awaitHoliday(today, false);
        walkIn().expectStatus().isCreated();
    }

    /** The calendar's read model follows its events: wait until the holidays it lists show the change. */
    void awaitHoliday(String date, boolean listed) {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            String holidays = admin.get()
                    .uri("/api/centres/" + C + "/holidays?from=" + date)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            if (holidays != null && holidays.contains("\"" + date + "\"") == listed) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the holiday on " + date + (listed ? " never showed" : " never went"));
    }
}
