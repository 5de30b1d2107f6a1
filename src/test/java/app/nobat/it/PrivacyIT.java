package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.appointments.AppointmentSweeps;
import app.nobat.booking.privacy.IdentityKeys;
import app.nobat.booking.privacy.PersonalDataStore;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Personal data never enters an event or a read model: the raw stored documents of every
 * collection but the personal-data one are scanned. Erasure and retention leave nothing of the
 * visitor there, and the booking still counts.
 */
@BookingIntegrationTest
class PrivacyIT {

    static final String C = "it-booking";

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    @Autowired
    Clock clock;

    @Autowired
    AppointmentSweeps sweeps;

    @Autowired
    PersonalDataStore store;

    @Autowired
    IdentityKeys keys;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ((MutableClock) clock).set(BookingIntegrationTest.START);
    }

    Map<String, Object> book(String date, String slot, String amayesh, String phone) {
        return api.post(
                "/api/appointments", Api.bookRequest(C, "permit", date, slot, "AMAYESH", amayesh, phone, "fa-AF"), 201);
    }

    /** Every stored document, as its raw JSON, per collection (events keep their payload as a JSON string). */
    List<String> rawDocumentsOutside(String exceptCollection) {
        List<String> raw = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (!name.equals(exceptCollection)) {
                database.getCollection(name).find().forEach(d -> raw.add(name + " " + d.toJson()));
            }
        }
        return raw;
    }

    List<Document> personalDocuments() {
        return database.getCollection(PersonalDataStore.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void noEventOrReadModelHoldsThePhoneOrTheIdentityNumberAndErasureLeavesNothing() {
        String number = "73150246891";
        String phoneDigits = "9357771234";
        Map<String, Object> booked = book("2026-12-20", "10:00", "۷۳۱۵۰۲۴۶۸۹۱", "0935 777 1234");
        String code = (String) booked.get("code");
        api.post("/api/appointments/" + code + "/reschedule", Map.of("date", "2026-12-21", "slot", "11:00"), 200);
        // let the projections and processors catch up, so their documents are scanned too
        Api.eventually(
                () -> rawDocumentsOutside(PersonalDataStore.COLLECTION),
                docs -> docs.stream().anyMatch(d -> d.startsWith("booking_calendars")));
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        List<String> raw = rawDocumentsOutside(PersonalDataStore.COLLECTION);
        assertThat(raw).as("documents outside the personal-data collection").hasSizeGreaterThan(30);
        String codeKey = keys.bookingCodeKey(code);
        assertThat(raw.stream()
                        .filter(d -> d.startsWith("domainevents"))
                        .filter(d -> d.contains(codeKey))
                        .count())
                .as("the appointment's own events (naming its code's key) were scanned")
                .isGreaterThanOrEqualTo(3);
        assertThat(raw).noneMatch(d -> d.contains(number) || d.contains(phoneDigits) || d.contains(code));
        assertThat(personalDocuments())
                .as("personal data is stored encrypted")
                .noneMatch(d -> d.toJson().contains(number)
                        || d.toJson().contains(phoneDigits)
                        || d.toJson().contains(code));

        Document personal = personalDocuments().stream()
                .filter(d -> store.find(d.getString("_id"))
                        .map(p -> p.phone().equals("+98" + phoneDigits))
                        .orElse(false))
                .findFirst()
                .orElseThrow();
        String visitorRef = personal.getString("_id");
        assertThat(store.find(visitorRef).orElseThrow()).satisfies(p -> {
            assertThat(p.identityNumber()).isEqualTo(number);
            assertThat(p.bookingCode()).isEqualTo(code);
        });
        assertThat(personal.getDate("retainUntil").toInstant())
                .as("kept 30 days after the moved appointment")
                .isEqualTo(Instant.parse("2026-12-21T07:30:00Z").plus(Duration.ofDays(30)));
        assertThat(raw).anyMatch(d -> d.startsWith("domainevents") && d.contains(visitorRef));

        Map<String, Object> erased = api.http
                .delete()
                .uri("/api/appointments/" + code + "/personal-data")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(erased).containsEntry("erased", true);
        assertThat(personalDocuments()).noneMatch(d -> d.getString("_id").equals(visitorRef));
        assertThat(store.find(visitorRef)).isEmpty();
        assertThat(api.get("/api/appointments/" + code, 200))
                .containsEntry("status", "BOOKED")
                .containsEntry("phone", null);
        Map<String, Object> day = api.get("/api/centres/" + C + "/appointments?date=2026-12-21", 200);
        assertThat(day.toString()).contains("counts={BOOKED=1}");
        assertThat(api.http
                        .delete()
                        .uri("/api/appointments/" + code + "/personal-data")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody())
                .containsEntry("erased", false);
    }

    @Test
    void personalDataIsErasedWhenItsRetentionEnds() {
        Map<String, Object> booked = book("2026-12-22", "08:00", "48151623420", "09124441234");
        String code = (String) booked.get("code");
        String visitorRef = personalDocuments().stream()
                .map(d -> d.getString("_id"))
                .filter(ref -> store.find(ref)
                        .map(p -> p.phone().endsWith("9124441234"))
                        .orElse(false))
                .findFirst()
                .orElseThrow();
        ((MutableClock) clock).set(Instant.parse("2026-12-22T05:00:00Z"));
        sweeps.sweep();
        assertThat(api.get("/api/appointments/" + code, 200)).containsEntry("status", "MISSED");
        ((MutableClock) clock)
                .set(Instant.parse("2026-12-22T04:30:00Z")
                        .plus(Duration.ofDays(30))
                        .minusSeconds(60));
        sweeps.sweep();
        assertThat(store.find(visitorRef)).isPresent();
        ((MutableClock) clock).advance(Duration.ofMinutes(2));
        sweeps.sweep();
        assertThat(store.find(visitorRef)).isEmpty();
        assertThat(personalDocuments()).noneMatch(d -> d.getString("_id").equals(visitorRef));
        assertThat(api.get("/api/appointments/" + code, 200)).containsEntry("status", "MISSED");
    }
}
