package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.booking.appointments.AppointmentDirectory;
import app.nobat.booking.appointments.AppointmentSweeps;
import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.domain.DayBookCommand.BookSeat;
import app.nobat.booking.domain.IdentityGuardMessages;
import app.nobat.booking.domain.IdentityGuardMessages.ClaimIdentity;
import app.nobat.booking.notify.LoggingNotifications;
import app.nobat.booking.privacy.IdentityKeys;
import app.nobat.booking.privacy.IdentityType;
import app.nobat.platform.sms.SmsGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A booking or a move cut short between its steps (as by a crash) is settled: a claim whose seat
 * never came is released, a code still in flight can no longer take a seat, and a move that took
 * its new seat but kept the old one is finished by the sweep, giving the old seat back once.
 * The steps are played here one by one, as the application would have before dying.
 */
@BookingIntegrationTest
class InterruptedBookingIT {

    static final String C = "it-booking";

    @Autowired
    WebTestClient http;

    @Autowired
    CommandGateway commands;

    @Autowired
    IdentityKeys keys;

    @Autowired
    AppointmentDirectory directory;

    @Autowired
    AppointmentSweeps sweeps;

    @Autowired
    SmsGateway notifications;

    @Autowired
    Appointments appointments;

    @Autowired
    Clock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ((MutableClock) clock).set(BookingIntegrationTest.START);
    }

    static Map<String, Object> request(String date, String slot, String identity) {
        return Api.bookRequest(C, "docs", date, slot, "PASSPORT", identity, "09128889999", null);
    }

    @SuppressWarnings("unchecked")
    int free(String date, String slot) {
        Map<String, Object> listing = api.get("/api/centres/" + C + "/services/docs/slots?date=" + date, 200);
        return (Integer) ((List<Map<String, Object>>) listing.get("slots"))
                .stream()
                        .filter(s -> s.get("start").equals(slot))
                        .findFirst()
                        .orElseThrow()
                        .get("free");
    }

    @Test
    void aClaimWhoseSeatNeverCameIsReleasedAfterTheGraceAndItsCodeIsClosed() {
        String guard = IdentityGuardMessages.guardId(C, "docs", keys.hash(IdentityType.PASSPORT, "P7001001"));
        String dayBook = C + ":docs:2026-12-26";
        // the first booking died after claiming the identity, before taking its seat
        directory.reserve("DEAD-2222", dayBook);
        commands.sendAndWait(new ClaimIdentity(guard, "DEAD-2222", dayBook, clock.instant()));

        assertThat((String) api.post("/api/appointments", request("2026-12-26", "09:00", "P7001001"), 409)
                        .get("type"))
                .as("within the grace the claim may still be a booking in flight")
                .endsWith("identity-has-appointment");
        ((MutableClock) clock).advance(Duration.ofSeconds(31));
        Map<String, Object> booked = api.post("/api/appointments", request("2026-12-26", "09:00", "P7001001"), 201);
        assertThat(booked.get("code")).isNotEqualTo("DEAD-2222");

        // the dead attempt, had it been only slow, can no longer take a seat
        Assertions.assertThatThrownBy(() -> commands.sendAndWait(
                        new BookSeat(dayBook, "DEAD-2222", LocalTime.of(9, 0), "ref", guard, null, clock.instant())))
                .hasMessageContaining("given up");
        assertThat(free("2026-12-26", "09:00")).isEqualTo(1);
    }

    @Test
    void aMoveCutShortIsFinishedByTheSweepAndTheOldSeatComesBackOnce() {
        Map<String, Object> booked = api.post("/api/appointments", request("2026-12-27", "10:00", "P7002002"), 201);
        String code = (String) booked.get("code");
        Map<String, Object> read = api.get("/api/appointments/" + code, 200);
        assertThat(free("2026-12-27", "10:00")).isEqualTo(1);

        // the move wrote its intent and took the new seat, then died before giving the old one back
        String from = C + ":docs:2026-12-27";
        String to = C + ":docs:2026-12-28";
        String key = keys.bookingCodeKey(code);
        directory.startMove(key, from, to, clock.instant());
        String guard = IdentityGuardMessages.guardId(C, "docs", keys.hash(IdentityType.PASSPORT, "P7002002"));
        // the visitor reference is not shown to visitors; the test reads it from the day book
        String visitorRef = appointments.read(code).visitorRef();
        commands.sendAndWait(new BookSeat(to, key, LocalTime.of(11, 0), visitorRef, guard, from, clock.instant()));
        assertThat(free("2026-12-27", "10:00")).as("both seats held for now").isEqualTo(1);
        assertThat(free("2026-12-28", "11:00")).isEqualTo(1);
        assertThat(read).containsEntry("date", "2026-12-27");

        ((MutableClock) clock).advance(Duration.ofSeconds(31));
        sweeps.sweep();
        assertThat(free("2026-12-27", "10:00")).isEqualTo(2);
        assertThat(free("2026-12-28", "11:00")).isEqualTo(1);
        assertThat(api.get("/api/appointments/" + code, 200))
                .containsEntry("date", "2026-12-28")
                .containsEntry("slot", "11:00")
                .containsEntry("status", "BOOKED");
        sweeps.sweep();
        assertThat(free("2026-12-27", "10:00")).as("given back once").isEqualTo(2);
    }

    @Test
    void aBookedVisitorGetsTheCodeByMessageSoALostAnswerLosesNothing() {
        LoggingNotifications sent = (LoggingNotifications) notifications;
        long before = sent.confirmationsSent();
        api.post("/api/appointments", request("2026-12-29", "08:00", "P7003003"), 201);
        Api.eventually(sent::confirmationsSent, n -> n >= before + 1);
    }
}
