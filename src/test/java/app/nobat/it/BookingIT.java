package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.appointments.AppointmentSweeps;
import app.nobat.booking.notify.LoggingNotifications;
import app.nobat.booking.privacy.IdentityKeys;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.platform.sms.SmsGateway;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Appointments through HTTP: book, read, move, cancel, check in (inside, early, late), missed, reminders. */
@BookingIntegrationTest
class BookingIT {

    static final String C = "it-booking";
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final AtomicLong IDS = new AtomicLong(100_000_000_000L);

    @Autowired
    WebTestClient http;

    @Autowired
    Clock clock;

    @Autowired
    AppointmentSweeps sweeps;

    @Autowired
    SmsGateway notifications;

    @Autowired
    IdentityKeys keys;

    @Autowired
    PersonalDataStore personal;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ((MutableClock) clock).set(BookingIntegrationTest.START);
    }

    static String newIdentity() {
        return Long.toString(IDS.incrementAndGet());
    }

    static Map<String, Object> bookRequest(String service, String date, String slot, String identity) {
        return Api.bookRequest(C, service, date, slot, "FOREIGN_NATIONAL_ID", identity, "0912 345 6789", "ps");
    }

    Map<String, Object> book(String service, String date, String slot, String identity) {
        return api.post("/api/appointments", bookRequest(service, date, slot, identity), 201);
    }

    void setTehranTime(String date, String time) {
        ((MutableClock) clock)
                .set(LocalDate.parse(date)
                        .atTime(LocalTime.parse(time))
                        .atZone(TEHRAN)
                        .toInstant());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> slot(String service, String date, String start) {
        Map<String, Object> listing =
                api.get("/api/centres/" + C + "/services/" + service + "/slots?date=" + date, 200);
        return ((List<Map<String, Object>>) listing.get("slots"))
                .stream().filter(s -> s.get("start").equals(start)).findFirst().orElseThrow();
    }

    static String type(Map<String, Object> problem) {
        return ((String) problem.get("type")).replace("https://nobat.app/problems/", "");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bookReadAndScanTheCode() {
        Map<String, Object> listing = api.get("/api/centres/" + C + "/services/docs/slots?date=2026-12-05", 200);
        assertThat(listing.get("jalaliDate")).isEqualTo("1405-09-14");
        List<Map<String, Object>> slots = (List<Map<String, Object>>) listing.get("slots");
        assertThat(slots).hasSize(20);
        assertThat(slots.get(0))
                .containsEntry("start", "08:00")
                .containsEntry("capacity", 2)
                .containsEntry("free", 2)
                .containsEntry("bookable", true);

        Map<String, Object> booked = book("docs", "2026-12-05", "08:00", newIdentity());
        String code = (String) booked.get("code");
        assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(booked)
                .containsEntry("status", "BOOKED")
                .containsEntry("date", "2026-12-05")
                .containsEntry("jalaliDate", "1405-09-14")
                .containsEntry("slot", "08:00")
                .containsEntry("phone", "***789")
                .containsEntry("language", "ps")
                .containsEntry("startsAt", "2026-12-05T04:30:00Z")
                .containsEntry("checkInOpens", "2026-12-05T04:00:00Z")
                .containsEntry("checkInCloses", "2026-12-05T04:45:00Z")
                .containsEntry("qrUrl", "/api/appointments/" + code + "/qr.svg");
        assertThat(booked.toString()).doesNotContain("3456789", "identity", "visitorRef", "guard");
        assertThat(slot("docs", "2026-12-05", "08:00")).containsEntry("free", 1);

        Map<String, Object> read =
                api.get("/api/appointments/" + code.toLowerCase().replace("-", ""), 200);
        assertThat(read).isEqualTo(booked);
        String svg = http.get()
                .uri("/api/appointments/" + code + "/qr.svg")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("image/svg+xml")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(svg).startsWith("<svg").contains("<path");

        assertThat(type(api.get("/api/appointments/ZZZZ-ZZZZ", 404))).isEqualTo("unknown-appointment");
        assertThat(type(api.get("/api/appointments/not-a-code", 400))).isEqualTo("invalid-input");
        assertThat(type(api.get("/api/appointments/ZZZZ-ZZZZ/qr.svg", 404))).isEqualTo("unknown-appointment");
        assertThat(http.get()
                        .uri("/v3/api-docs")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(
                        "/api/appointments/{code}/reschedule",
                        "/api/centres/{centreId}/services/{serviceCode}/slots",
                        "/api/centres/{centreId}/holidays/{date}",
                        "/api/centres/{centreId}/services/{serviceCode}/slot-template",
                        "appointmentCode");
    }

    @Test
    @SuppressWarnings("unchecked")
    void badInputGetsAClearProblem() {
        String id = newIdentity();
        assertThat(type(api.post("/api/appointments", bookRequest("docs", "2026-11-30", "08:00", id), 409)))
                .isEqualTo("date-past");
        Map<String, Object> closedHours =
                api.post("/api/appointments", bookRequest("docs", "2026-12-05", "19:00", id), 409);
        assertThat(type(closedHours)).isEqualTo("slot-unknown");
        assertThat((List<Object>) closedHours.get("slots")).contains("08:00", "17:30");
        assertThat(type(api.post("/api/appointments", bookRequest("docs", "2027-03-01", "08:00", id), 409)))
                .isEqualTo("beyond-horizon");
        Map<String, Object> unknownCentre = bookRequest("docs", "2026-12-05", "08:00", id);
        unknownCentre.put("centreId", "nowhere");
        assertThat(type(api.post("/api/appointments", unknownCentre, 404))).isEqualTo("unknown-centre");
        assertThat(type(api.post("/api/appointments", bookRequest("nothing", "2026-12-05", "08:00", id), 404)))
                .isEqualTo("unknown-service");
        Map<String, Object> badIdentity = bookRequest("docs", "2026-12-05", "08:00", "12345");
        Map<String, Object> problem = api.post("/api/appointments", badIdentity, 400);
        assertThat((String) problem.get("detail")).contains("12 digits").doesNotContain("12345");
        Map<String, Object> badPhone = bookRequest("docs", "2026-12-05", "08:00", id);
        badPhone.put("phone", "12");
        assertThat((String) api.post("/api/appointments", badPhone, 400).get("detail"))
                .startsWith("phone");
        // both wrong: one answer names each field with its own code, for the form to show each by its field
        Map<String, Object> bothWrong = bookRequest("docs", "2026-12-05", "08:00", "12345");
        bothWrong.put("phone", "12");
        Map<String, Object> both = api.post("/api/appointments", bothWrong, 400);
        assertThat(both).containsEntry("code", "identity-number-invalid").containsEntry("field", "/identityNumber");
        assertThat((List<Map<String, Object>>) both.get("errors"))
                .extracting(e -> e.get("pointer") + " " + e.get("code"))
                .containsExactly("/identityNumber identity-number-invalid", "/phone phone-invalid");
        assertThat(((List<Map<String, Object>>) both.get("errors")).get(0))
                .containsEntry("identityType", "FOREIGN_NATIONAL_ID");
        Map<String, Object> badType = bookRequest("docs", "2026-12-05", "08:00", id);
        badType.put("identityType", "DRIVING_LICENCE");
        assertThat((String) api.post("/api/appointments", badType, 400).get("detail"))
                .contains("identityType");
        Map<String, Object> badDate = bookRequest("docs", "2026-13-40", "08:00", id);
        assertThat((String) api.post("/api/appointments", badDate, 400).get("detail"))
                .contains("date");
        assertThat(type(api.post("/api/appointments", Map.of("centreId", C), 400)))
                .isEqualTo("invalid-input");
        assertThat(type(api.get("/api/centres/" + C + "/services/docs/slots?date=2026-11-01", 400)))
                .isEqualTo("invalid-input");
        assertThat(type(api.get("/api/centres/" + C + "/services/docs/slots?date=yesterday", 400)))
                .isEqualTo("invalid-input");

        // an administrator declares a holiday: no slots that day, and booking says why
        api.http
                .put()
                .uri("/api/centres/" + C + "/holidays/2026-12-08")
                .bodyValue(Map.of("names", Map.of("en", "Test day off", "fa", "تعطیل آزمایشی")))
                .exchange()
                .expectStatus()
                .isOk();
        Api.eventually(
                () -> api.get("/api/centres/" + C + "/services/docs/slots?date=2026-12-08", 200),
                l -> "holiday: Test day off".equals(l.get("closedReason")) && ((List<?>) l.get("slots")).isEmpty());
        assertThat(type(api.post("/api/appointments", bookRequest("docs", "2026-12-08", "08:00", id), 409)))
                .isEqualTo("holiday");
        assertThat(api.http
                        .get()
                        .uri("/api/centres/" + C + "/holidays?from=2026-12-01")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("\"date\":\"2026-12-08\"", "Test day off", "\"source\":\"centre\"");
        api.http
                .delete()
                .uri("/api/centres/" + C + "/holidays/2026-12-08")
                .exchange()
                .expectStatus()
                .isOk();
        Api.eventually(
                () -> api.get("/api/centres/" + C + "/services/docs/slots?date=2026-12-08", 200),
                l -> l.get("closedReason") == null && ((List<?>) l.get("slots")).size() == 20);
    }

    @Test
    void oneIdentityHoldsOneActiveAppointmentPerService() {
        String id = newIdentity();
        String first = (String) book("docs", "2026-12-06", "09:00", id).get("code");
        Map<String, Object> second = api.post("/api/appointments", bookRequest("docs", "2026-12-07", "09:00", id), 409);
        assertThat(type(second)).isEqualTo("identity-has-appointment");
        assertThat(second.toString()).doesNotContain(first, id);
        // the same digits typed in Persian are the same identity
        String persianDigits = id.chars()
                .mapToObj(c -> String.valueOf((char) ('۰' + (c - '0'))))
                .reduce("", String::concat);
        assertThat(type(api.post("/api/appointments", bookRequest("docs", "2026-12-07", "09:30", persianDigits), 409)))
                .isEqualTo("identity-has-appointment");
        book("permit", "2026-12-06", "09:00", id);

        Map<String, Object> cancelled = api.http
                .delete()
                .uri("/api/appointments/" + first)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(cancelled).containsEntry("status", "CANCELLED");
        // a second cancel changes nothing and gives nothing back twice
        api.http
                .delete()
                .uri("/api/appointments/" + first)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(slot("docs", "2026-12-06", "09:00")).containsEntry("free", 2);
        book("docs", "2026-12-07", "09:00", id);
    }

    @Test
    void aFullSlotRefusesAndACancelledSeatIsOfferedAgain() {
        String a = (String) book("permit", "2026-12-09", "10:00", newIdentity()).get("code");
        assertThat(type(api.post(
                        "/api/appointments", bookRequest("permit", "2026-12-09", "10:00", newIdentity()), 409)))
                .isEqualTo("slot-full");
        assertThat(slot("permit", "2026-12-09", "10:00"))
                .containsEntry("free", 0)
                .containsEntry("bookable", false);
        api.http
                .delete()
                .uri("/api/appointments/" + a)
                .exchange()
                .expectStatus()
                .isOk();
        book("permit", "2026-12-09", "10:00", newIdentity());
        assertThat(slot("permit", "2026-12-09", "10:00")).containsEntry("free", 0);
    }

    @Test
    void anAppointmentMovesWithinItsDayAndToAnotherDay() {
        String code =
                (String) book("docs", "2026-12-12", "10:00", newIdentity()).get("code");
        Map<String, Object> sameDay = api.post(
                "/api/appointments/" + code + "/reschedule", Map.of("date", "2026-12-12", "slot", "10:30"), 200);
        assertThat(sameDay).containsEntry("slot", "10:30").containsEntry("code", code);
        assertThat(slot("docs", "2026-12-12", "10:00")).containsEntry("free", 2);
        assertThat(slot("docs", "2026-12-12", "10:30")).containsEntry("free", 1);

        Map<String, Object> otherDay = api.post(
                "/api/appointments/" + code + "/reschedule", Map.of("date", "2026-12-13", "slot", "11:00"), 200);
        assertThat(otherDay)
                .containsEntry("date", "2026-12-13")
                .containsEntry("slot", "11:00")
                .containsEntry("status", "BOOKED");
        assertThat(api.get("/api/appointments/" + code, 200)).isEqualTo(otherDay);
        assertThat(slot("docs", "2026-12-12", "10:30")).containsEntry("free", 2);
        assertThat(slot("docs", "2026-12-13", "11:00")).containsEntry("free", 1);

        // into a full slot: refused, and the appointment stays where it was
        book("docs", "2026-12-14", "08:00", newIdentity());
        book("docs", "2026-12-14", "08:00", newIdentity());
        assertThat(type(api.post(
                        "/api/appointments/" + code + "/reschedule",
                        Map.of("date", "2026-12-14", "slot", "08:00"),
                        409)))
                .isEqualTo("slot-full");
        assertThat(api.get("/api/appointments/" + code, 200)).isEqualTo(otherDay);

        // and back to its first day
        assertThat(api.post(
                        "/api/appointments/" + code + "/reschedule",
                        Map.of("date", "2026-12-12", "slot", "12:00"),
                        200))
                .containsEntry("date", "2026-12-12");
        assertThat(slot("docs", "2026-12-13", "11:00")).containsEntry("free", 2);
        assertThat(type(api.post("/api/appointments/" + code + "/reschedule", Map.of("date", "2026-12-12"), 400)))
                .isEqualTo("invalid-input");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkInOpensThirtyMinutesBeforeAndClosesFifteenAfter() {
        String onTime =
                (String) book("docs", "2026-12-05", "09:00", newIdentity()).get("code");
        String late =
                (String) book("docs", "2026-12-05", "09:30", newIdentity()).get("code");

        setTehranTime("2026-12-05", "08:20");
        Map<String, Object> early = api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", onTime), 409);
        assertThat(type(early)).isEqualTo("check-in-too-early");
        assertThat(early).containsEntry("opensAt", "2026-12-05T05:00:00Z");

        setTehranTime("2026-12-05", "08:45");
        Map<String, Object> ticket = api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", onTime), 201);
        assertThat((String) ticket.get("ticket")).startsWith("D-");
        assertThat(ticket).containsEntry("serviceCode", "docs");
        Map<String, Object> again =
                api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", onTime.toLowerCase()), 201);
        assertThat(again.get("visitId")).isEqualTo(ticket.get("visitId"));
        assertThat(again.get("ticket")).isEqualTo(ticket.get("ticket"));
        Map<String, Object> visit = Api.eventually(
                () -> api.get("/api/visits/" + ticket.get("visitId"), 200),
                v -> keys.bookingCodeKey(onTime).equals(v.get("appointmentRef")));
        assertThat(visit.toString())
                .as("desk staff see the appointment's reference, not its bearer code")
                .doesNotContain(onTime);
        assertThat(((List<Map<String, Object>>) visit.get("timeline")).get(0).toString())
                .contains("reason=APPOINTMENT");
        assertThat(api.get("/api/appointments/" + onTime, 200))
                .containsEntry("status", "CHECKED_IN")
                .containsEntry("visitId", ticket.get("visitId"));

        assertThat(type(api.post("/api/centres/it-storm/visits", Map.of("appointmentCode", late), 409)))
                .isEqualTo("wrong-centre");
        setTehranTime("2026-12-05", "09:46");
        Map<String, Object> tooLate = api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", late), 409);
        assertThat(type(tooLate)).isEqualTo("check-in-too-late");
        assertThat(tooLate).containsEntry("walkInAllowed", true);
        assertThat(type(api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", "ZZZZ-ZZZZ"), 404)))
                .isEqualTo("unknown-appointment");
        assertThat(type(api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", "??"), 400)))
                .isEqualTo("invalid-input");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBookingNotCheckedInByTheEndOfItsWindowIsMissed() {
        String code =
                (String) book("docs", "2026-12-10", "08:00", newIdentity()).get("code");
        String kept =
                (String) book("docs", "2026-12-10", "08:30", newIdentity()).get("code");
        setTehranTime("2026-12-10", "08:14");
        sweeps.sweep();
        assertThat(api.get("/api/appointments/" + code, 200)).containsEntry("status", "BOOKED");
        setTehranTime("2026-12-10", "08:16");
        sweeps.sweep();
        assertThat(api.get("/api/appointments/" + code, 200)).containsEntry("status", "MISSED");
        assertThat(api.get("/api/appointments/" + kept, 200)).containsEntry("status", "BOOKED");
        assertThat(type(api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", code), 409)))
                .isEqualTo("check-in-too-late");
        // an ended appointment's code can no longer cancel or move anything
        assertThat(type(api.http
                        .delete()
                        .uri("/api/appointments/" + code)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(409)
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()))
                .isEqualTo("appointment-ended");
        assertThat(type(api.post(
                        "/api/appointments/" + code + "/reschedule",
                        Map.of("date", "2026-12-12", "slot", "08:00"),
                        409)))
                .isEqualTo("appointment-ended");
        // its seat is not sold again once the slot has started
        assertThat(type(api.post("/api/appointments", bookRequest("docs", "2026-12-10", "08:00", newIdentity()), 409)))
                .isEqualTo("slot-started");

        Map<String, Object> day = api.get("/api/centres/" + C + "/appointments?date=2026-12-10", 200);
        Map<String, Object> docs = ((List<Map<String, Object>>) day.get("services"))
                .stream()
                        .filter(s -> s.get("serviceCode").equals("docs"))
                        .findFirst()
                        .orElseThrow();
        assertThat((Map<String, Object>) docs.get("counts"))
                .containsEntry("MISSED", 1)
                .containsEntry("BOOKED", 1);
        assertThat(docs.toString()).doesNotContain("0912", "+98", code);
    }

    @Test
    void remindersGoOutOnceAndACheckedInVisitorHearsTheirTurnIsNear() {
        LoggingNotifications sent = (LoggingNotifications) notifications;
        String code =
                (String) book("docs", "2026-12-16", "09:00", newIdentity()).get("code");
        long reminders = sent.remindersSent();
        setTehranTime("2026-12-15", "10:00");
        sweeps.sweep();
        Api.eventually(sent::remindersSent, n -> n >= reminders + 1);
        sweeps.sweep();
        setTehranTime("2026-12-16", "08:40");
        sweeps.sweep();

        long turnNear = sent.turnNearSent();
        api.post("/api/centres/" + C + "/visits", Map.of("appointmentCode", code), 201);
        Api.eventually(sent::turnNearSent, n -> n == turnNear + 1);
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sent.remindersSent()).as("one reminder per appointment").isEqualTo(reminders + 1);
    }

    @Test
    void aWalkInWhoGaveAPhoneHearsWhichDeskAndThePhoneGoesWithTheVisit() {
        LoggingNotifications sent = (LoggingNotifications) notifications;
        setTehranTime("2026-12-22", "09:00");
        Map<String, Object> wrong = api.post(
                "/api/centres/" + C + "/visits", Map.of("serviceCode", "docs", "phone", "12", "language", "ps"), 400);
        assertThat(wrong).containsEntry("code", "phone-invalid").containsEntry("field", "/phone");

        String visitId = (String) api.post(
                        "/api/centres/" + C + "/visits",
                        Map.of("serviceCode", "docs", "phone", "0912 555 1234", "language", "ps"),
                        201)
                .get("visitId");
        String ref = PersonalDataStore.walkInRef(visitId);
        assertThat(personal.find(ref)).hasValueSatisfying(p -> {
            assertThat(p.phone()).isEqualTo("+989125551234");
            assertThat(p.language()).isEqualTo("ps");
            assertThat(p.retainUntil())
                    .as("until the end of the centre's day")
                    .isEqualTo(
                            LocalDate.parse("2026-12-23").atStartOfDay(TEHRAN).toInstant());
        });

        long toDesk = sent.goToDeskSent();
        api.post("/api/centres/" + C + "/desks/d1/open", Map.of(), 200);
        String called = null;
        for (int i = 0; i < 20 && !visitId.equals(called); i++) {
            called = (String) api.callNext(C, "d1").get("visitId");
            if (!visitId.equals(called)) {
                api.post("/api/visits/" + called + "/start", Map.of(), 200);
                api.post("/api/visits/" + called + "/complete", Map.of(), 200);
            }
        }
        assertThat(called).isEqualTo(visitId);
        Api.eventually(sent::goToDeskSent, n -> n == toDesk + 1);

        api.post("/api/visits/" + visitId + "/start", Map.of(), 200);
        api.post("/api/visits/" + visitId + "/complete", Map.of(), 200);
        Api.eventually(() -> personal.exists(ref), exists -> !exists);
    }
}
