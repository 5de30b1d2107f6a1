package app.nobat.booking.web;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.domain.Appointment;
import app.nobat.booking.domain.BookingCode;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.booking.privacy.VisitorContact;
import app.nobat.booking.web.BookingRequests.*;
import app.nobat.common.CommonRefusal;
import app.nobat.common.JalaliDates;
import app.nobat.platform.web.Blocking;
import app.nobat.platform.web.QrCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

/** A visitor's appointments: book, read, move, cancel by code, its QR code, and erasure of personal data. */
@RestController
@RequestMapping("/api/appointments")
@Tag(name = "appointments", description = "Book, read, move and cancel appointments by booking code")
public class AppointmentController {

    private final Appointments appointments;
    private final PersonalDataStore personal;

    public AppointmentController(Appointments appointments, PersonalDataStore personal) {
        this.appointments = appointments;
        this.personal = personal;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Book a free slot with an identity document, a mobile number and a language; "
                    + "answers a booking code to read aloud and its QR code")
    public Mono<AppointmentResponse> book(@RequestBody BookRequest request) {
        if (request == null || blank(request.centreId()) || blank(request.serviceCode())) {
            throw CommonRefusal.REQUIRED.with("member", "centreId and serviceCode");
        }
        if (request.date() == null || request.slot() == null) {
            throw BookingRefusal.DATE_AND_SLOT_REQUIRED.with();
        }
        VisitorContact contact = VisitorContact.of(
                request.identityType(), request.identityNumber(), request.phone(), request.language());
        return Blocking.call(() -> response(
                appointments.book(request.centreId(), request.serviceCode(), request.date(), request.slot(), contact),
                contact.phone(),
                contact.language()));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read an appointment by its booking code")
    public Mono<AppointmentResponse> read(@PathVariable String code) {
        String canonical = canonical(code);
        return Blocking.call(() -> response(appointments.read(canonical)));
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Cancel an appointment: its seat goes back on offer (once), the identity may book again")
    public Mono<AppointmentResponse> cancel(@PathVariable String code) {
        String canonical = canonical(code);
        return Blocking.call(() -> response(appointments.cancel(canonical)));
    }

    @PostMapping("/{code}/reschedule")
    @Operation(summary = "Move an appointment to another free slot of the same service (any bookable date)")
    public Mono<AppointmentResponse> reschedule(@PathVariable String code, @RequestBody RescheduleRequest request) {
        String canonical = canonical(code);
        if (request == null || request.date() == null || request.slot() == null) {
            throw BookingRefusal.DATE_AND_SLOT_REQUIRED.with();
        }
        return Blocking.call(() -> response(appointments.move(canonical, request.date(), request.slot())));
    }

    @GetMapping(value = "/{code}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The booking code as a QR code (SVG), for the kiosk's scanner")
    public Mono<ResponseEntity<String>> qr(@PathVariable String code) {
        String canonical = canonical(code);
        return Blocking.call(() -> {
            appointments.read(canonical);
            return QrCodes.response(canonical);
        });
    }

    @DeleteMapping("/{code}/personal-data")
    @Operation(
            summary = "Erase the visitor's identity number and phone now; the appointment still counts in statistics")
    public Mono<ErasureResponse> erase(@PathVariable String code) {
        String canonical = canonical(code);
        return Blocking.call(() -> new ErasureResponse(appointments.erasePersonalData(canonical)));
    }

    static String canonical(String code) {
        return BookingCode.normalize(code).orElseThrow(() -> BookingRefusal.MALFORMED_BOOKING_CODE.with());
    }

    private AppointmentResponse response(Appointment a) {
        var data = personal.find(a.visitorRef());
        return response(
                a,
                data.map(PersonalDataStore.PersonalData::phone).orElse(null),
                data.map(PersonalDataStore.PersonalData::language).orElse(null));
    }

    /** The phone only masked; none once the personal data is erased. */
    private static AppointmentResponse response(Appointment a, String phone, String language) {
        DayBookId day = DayBookId.parse(a.dayBookId());
        return new AppointmentResponse(
                a.code(),
                day.centreId(),
                day.serviceCode(),
                day.date(),
                JalaliDates.format(day.date()),
                a.slot(),
                a.slotStart(),
                a.status(),
                a.checkInOpens(),
                a.checkInCloses(),
                a.visitId(),
                "/api/appointments/" + a.code() + "/qr.svg",
                phone == null ? null : VisitorContact.maskPhone(phone),
                language);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
