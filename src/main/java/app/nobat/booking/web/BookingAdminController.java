package app.nobat.booking.web;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.calendar.CalendarStore;
import app.nobat.booking.calendar.NationalHolidays;
import app.nobat.booking.domain.Appointment;
import app.nobat.booking.domain.BookingCalendar;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.domain.CalendarMessages;
import app.nobat.booking.domain.CalendarMessages.DeclareHoliday;
import app.nobat.booking.domain.CalendarMessages.LiftHoliday;
import app.nobat.booking.domain.CalendarMessages.PublishSlotTemplate;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.domain.DayPlanSource;
import app.nobat.booking.domain.SlotTemplate;
import app.nobat.booking.web.BookingRequests.*;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import app.nobat.common.JalaliDates;
import app.nobat.platform.web.Acting;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

/** Administrators' side of appointments: slot templates, holidays, and the bookings of a day. */
@RestController
@RequestMapping("/api/centres/{centreId}")
@Tag(name = "appointments-admin", description = "Slot templates, holidays and bookings per day")
public class BookingAdminController {

    private final CommandGateway commands;
    private final CentreCatalog catalog;
    private final CalendarStore calendars;
    private final NationalHolidays national;
    private final DayPlanSource plans;
    private final Appointments appointments;
    private final Clock clock;

    public BookingAdminController(
            CommandGateway commands,
            CentreCatalog catalog,
            CalendarStore calendars,
            NationalHolidays national,
            DayPlanSource plans,
            Appointments appointments,
            Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.calendars = calendars;
        this.national = national;
        this.plans = plans;
        this.appointments = appointments;
        this.clock = clock;
    }

    @GetMapping("/services/{serviceCode}/slot-template")
    public Mono<TemplateResponse> template(@PathVariable String centreId, @PathVariable String serviceCode) {
        return Blocking.call(() -> {
            requireService(centreId, serviceCode);
            return new TemplateResponse(
                    centreId,
                    serviceCode,
                    calendars.template(centreId, serviceCode).orElse(new SlotTemplate(List.of())),
                    false);
        });
    }

    @PutMapping("/services/{serviceCode}/slot-template")
    @Operation(summary = "Publish a service's slot template (replaces the previous one; bookings already made stay)")
    public Mono<TemplateResponse> publish(
            @PathVariable String centreId, @PathVariable String serviceCode, @RequestBody SlotTemplate template) {
        if (template == null) {
            throw CommonRefusal.REQUIRED.at("", "member", "template");
        }
        template.validate();
        return Blocking.call(() -> {
            requireService(centreId, serviceCode);
            Boolean changed = commands.sendAndWait(new PublishSlotTemplate(
                    CalendarMessages.calendarId(centreId),
                    centreId,
                    serviceCode,
                    template,
                    Acting.id(),
                    clock.instant()));
            return new TemplateResponse(centreId, serviceCode, template, Boolean.TRUE.equals(changed));
        });
    }

    @GetMapping("/holidays")
    @Operation(
            summary =
                    "Holidays from a date for a year (default today): national ones unless lifted, and the centre's own")
    public Mono<List<HolidayView>> holidays(
            @PathVariable String centreId, @RequestParam(required = false) LocalDate from) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            LocalDate start = from != null ? from : LocalDate.now(clock.withZone(ZoneId.of(centre.timeZone())));
            LocalDate end = start.plusYears(1);
            Map<LocalDate, HolidayView> views = new TreeMap<>();
            national.between(start, end)
                    .forEach(h -> views.put(
                            h.date(),
                            new HolidayView(
                                    h.date(), JalaliDates.format(h.date()), h.names(), HolidaySource.NATIONAL)));
            Document own = calendars.raw(centreId);
            Document lifted = own.get("lifted", Document.class);
            if (lifted != null) {
                lifted.keySet().forEach(d -> views.remove(LocalDate.parse(d)));
            }
            Document declared = own.get("declared", Document.class);
            if (declared != null) {
                declared.forEach((d, names) -> {
                    LocalDate date = LocalDate.parse(d);
                    if (!date.isBefore(start) && !date.isAfter(end)) {
                        views.put(
                                date,
                                new HolidayView(
                                        date,
                                        JalaliDates.format(date),
                                        CalendarStore.names((Document) names),
                                        HolidaySource.CENTRE));
                    }
                });
            }
            return List.copyOf(views.values());
        });
    }

    @PutMapping("/holidays/{date}")
    @Operation(summary = "Declare a holiday at the centre: no appointments are offered that day")
    public Mono<ChangeResponse> declare(
            @PathVariable String centreId, @PathVariable LocalDate date, @RequestBody HolidayRequest request) {
        BookingCalendar.validateHolidayNames(request == null ? null : request.names());
        requireNearDate(date);
        return Blocking.call(() -> {
            catalog.get(centreId);
            return new ChangeResponse(Boolean.TRUE.equals(commands.sendAndWait(new DeclareHoliday(
                    CalendarMessages.calendarId(centreId),
                    centreId,
                    date,
                    request.names(),
                    Acting.id(),
                    clock.instant()))));
        });
    }

    @DeleteMapping("/holidays/{date}")
    @Operation(summary = "Lift a holiday (national or the centre's own) at the centre: appointments are offered again")
    public Mono<ChangeResponse> lift(@PathVariable String centreId, @PathVariable LocalDate date) {
        requireNearDate(date);
        return Blocking.call(() -> {
            catalog.get(centreId);
            return new ChangeResponse(Boolean.TRUE.equals(commands.sendAndWait(new LiftHoliday(
                    CalendarMessages.calendarId(centreId), centreId, date, Acting.id(), clock.instant()))));
        });
    }

    @GetMapping("/appointments")
    @Operation(
            summary =
                    "Bookings of a day per service: seats per slot, counts per status, each appointment (no personal data)")
    public Mono<DayResponse> day(@PathVariable String centreId, @RequestParam LocalDate date) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            List<ServiceDay> services = new ArrayList<>();
            for (CentreProfile.Service service : centre.services()) {
                DayBookId id = new DayBookId(centreId, service.code(), date);
                Map<LocalTime, Integer> capacity = plans.planFor(id).capacities();
                var view = appointments.day(id);
                services.add(new ServiceDay(
                        service.code(),
                        capacity,
                        view.map(v -> v.taken()).orElse(Map.of()),
                        view.map(v -> v.counts()).orElse(Map.of()),
                        view.map(v -> v.appointments().stream()
                                        .sorted(Comparator.comparing(Appointment::slot))
                                        .map(a -> new DayEntry(a.code(), a.slot(), a.status(), a.visitId()))
                                        .toList())
                                .orElse(List.of())));
            }
            return new DayResponse(centreId, date, JalaliDates.format(date), services);
        });
    }

    /** Holidays are planned for the years around now; a date in year 9999 is a typing error. */
    private void requireNearDate(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today.minusYears(HOLIDAY_YEARS)) || date.isAfter(today.plusYears(HOLIDAY_YEARS))) {
            throw BookingRefusal.HOLIDAY_DATE_RANGE.at("date", "years", HOLIDAY_YEARS);
        }
    }

    private static final int HOLIDAY_YEARS = 10;

    private void requireService(String centreId, String serviceCode) {
        if (catalog.get(centreId).services().stream().noneMatch(s -> s.code().equals(serviceCode))) {
            throw CommonRefusal.UNKNOWN_SERVICE.with("service", serviceCode);
        }
    }
}
