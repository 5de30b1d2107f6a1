package app.nobat.booking.web;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.calendar.CalendarStore;
import app.nobat.booking.calendar.NationalHolidays;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.domain.DayPlan;
import app.nobat.booking.domain.DayPlanSource;
import app.nobat.booking.web.BookingRequests.AvailabilityResponse;
import app.nobat.booking.web.BookingRequests.DayAvailability;
import app.nobat.booking.web.BookingRequests.DayState;
import app.nobat.booking.web.BookingRequests.SlotView;
import app.nobat.booking.web.BookingRequests.SlotsResponse;
import app.nobat.common.CommonRefusal;
import app.nobat.common.JalaliDates;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

/** The slots of a service on a date, with the seats still free. */
@RestController
@RequestMapping("/api/centres/{centreId}/services/{serviceCode}")
@Tag(name = "appointments")
public class SlotController {

    /** A Solar Hijri month has at most 31 days; a little more lets a client ask for a whole grid. */
    static final int MAX_DAYS = 42;

    private final DayPlanSource plans;
    private final Appointments appointments;
    private final Clock clock;
    private final CalendarStore calendars;
    private final NationalHolidays national;

    public SlotController(
            DayPlanSource plans,
            Appointments appointments,
            Clock clock,
            CalendarStore calendars,
            NationalHolidays national) {
        this.calendars = calendars;
        this.national = national;
        this.plans = plans;
        this.appointments = appointments;
        this.clock = clock;
    }

    @GetMapping("/slots")
    @Operation(
            summary =
                    "Slots of a service on a date: capacity and free seats; a holiday or closed day has none and says why")
    public Mono<SlotsResponse> slots(
            @PathVariable String centreId, @PathVariable String serviceCode, @RequestParam LocalDate date) {
        DayBookId day = new DayBookId(centreId, serviceCode, date);
        return Blocking.call(() -> {
            DayPlan plan = plans.planFor(day);
            Instant now = clock.instant();
            if (date.isBefore(plan.today(now))) {
                throw BookingRefusal.SLOTS_DATE_PAST.with("date", date.toString());
            }
            boolean withinHorizon = !date.isAfter(plan.today(now).plusDays(plan.horizonDays()));
            Map<LocalTime, Integer> taken = appointments.seatsTaken(day);
            List<SlotView> slots = new ArrayList<>();
            plan.capacities().forEach((start, capacity) -> {
                int free = Math.max(0, capacity - taken.getOrDefault(start, 0));
                Instant startsAt = plan.startOf(start);
                slots.add(new SlotView(
                        start, startsAt, capacity, free, free > 0 && withinHorizon && now.isBefore(startsAt)));
            });
            String reason = plan.closedReason() != null
                    ? plan.closedReason()
                    : withinHorizon ? null : "beyond the booking horizon of " + plan.horizonDays() + " days";
            return new SlotsResponse(centreId, serviceCode, date, JalaliDates.format(date), reason, slots);
        });
    }

    @GetMapping("/days")
    @Operation(
            summary = "Each day from 'from' to 'to' (at most 42 days): open with its free seats, or past, closed, "
                    + "a holiday (with its names), beyond the booking horizon or fully booked; one request per month")
    public Mono<AvailabilityResponse> days(
            @PathVariable String centreId,
            @PathVariable String serviceCode,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        if (span < 1 || span > MAX_DAYS) {
            throw CommonRefusal.OUT_OF_BOUNDS.at(null, "member", "days from 'from' to 'to'", "min", 1, "max", MAX_DAYS);
        }
        return Blocking.call(() -> {
            Instant now = clock.instant();
            Document calendar = calendars.raw(centreId);
            List<DayAvailability> days = new ArrayList<>();
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                days.add(day(new DayBookId(centreId, serviceCode, date), calendar, now));
            }
            return new AvailabilityResponse(centreId, serviceCode, days);
        });
    }

    private DayAvailability day(DayBookId id, Document calendar, Instant now) {
        DayPlan plan = plans.planFor(id);
        LocalDate date = id.date();
        LocalDate today = plan.today(now);
        if (date.isBefore(today)) {
            return new DayAvailability(date, DayState.PAST, null, 0);
        }
        Map<String, String> holiday = CalendarStore.holiday(calendar, date, national);
        if (holiday != null) {
            return new DayAvailability(date, DayState.HOLIDAY, holiday, 0);
        }
        // beyond the horizon first: the plan of such a day may hold no seats at all, which is not "closed"
        if (date.isAfter(today.plusDays(plan.horizonDays()))) {
            return new DayAvailability(date, DayState.BEYOND_HORIZON, null, 0);
        }
        if (plan.capacities().isEmpty()) {
            return new DayAvailability(date, plan.walkInsOnly() ? DayState.NO_APPOINTMENTS : DayState.CLOSED, null, 0);
        }
        Map<LocalTime, Integer> taken = appointments.seatsTaken(id);
        int free = 0;
        for (var slot : plan.capacities().entrySet()) {
            if (now.isBefore(plan.startOf(slot.getKey()))) {
                free += Math.max(0, slot.getValue() - taken.getOrDefault(slot.getKey(), 0));
            }
        }
        return new DayAvailability(date, free > 0 ? DayState.OPEN : DayState.FULL, null, free);
    }
}
