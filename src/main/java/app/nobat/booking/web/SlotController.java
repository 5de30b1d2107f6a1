package app.nobat.booking.web;

import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.domain.DayPlan;
import app.nobat.booking.domain.DayPlanSource;
import app.nobat.booking.web.BookingRequests.SlotView;
import app.nobat.booking.web.BookingRequests.SlotsResponse;
import app.nobat.common.JalaliDates;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

/** The slots of a service on a date, with the seats still free. */
@RestController
@RequestMapping("/api/centres/{centreId}/services/{serviceCode}")
@Tag(name = "appointments")
public class SlotController {

    private final DayPlanSource plans;
    private final Appointments appointments;
    private final Clock clock;

    public SlotController(DayPlanSource plans, Appointments appointments, Clock clock) {
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
}
