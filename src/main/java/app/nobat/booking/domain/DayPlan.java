package app.nobat.booking.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The bookable slots of one service on one day, and the rules around them. A day without slots
 * says why ({@code closedReason}): a holiday, a day the centre is closed, or no template.
 *
 * @param capacities   seats per slot start, in order
 * @param horizonDays  how many days ahead a visitor may book
 */
public record DayPlan(
        LocalDate date,
        ZoneId zone,
        NavigableMap<LocalTime, Integer> capacities,
        String closedReason,
        CheckInWindow window,
        int horizonDays) {

    /** How a holiday's closed reason begins (then its name). */
    static final String HOLIDAY_PREFIX = "holiday: ";
    /** How the reason of an open day without appointment slots begins. */
    static final String NO_APPOINTMENTS_PREFIX = "no appointments are offered for this service on ";

    public DayPlan {
        capacities = Collections.unmodifiableNavigableMap(new TreeMap<>(capacities));
    }

    /** An opening period of the centre on the plan's day. */
    public record Opening(LocalTime opens, LocalTime closes) {}

    /**
     * Cuts the day's slots from the template, keeping only slots that lie wholly inside an opening
     * period. A holiday or a day without opening hours has no slots.
     */
    public static DayPlan of(
            LocalDate date,
            ZoneId zone,
            List<Opening> openings,
            SlotTemplate template,
            String holidayName,
            CheckInWindow window,
            int horizonDays) {
        TreeMap<LocalTime, Integer> slots = new TreeMap<>();
        if (holidayName != null) {
            return new DayPlan(date, zone, slots, HOLIDAY_PREFIX + holidayName, window, horizonDays);
        }
        if (openings.isEmpty()) {
            return new DayPlan(
                    date, zone, slots, "the centre is closed on " + date.getDayOfWeek(), window, horizonDays);
        }
        DayOfWeek day = date.getDayOfWeek();
        for (SlotTemplate.Rule rule : template == null ? List.<SlotTemplate.Rule>of() : template.rules()) {
            if (!rule.days().contains(day)) {
                continue;
            }
            for (LocalTime start = rule.from();
                    !start.plusMinutes(rule.slotMinutes()).isAfter(rule.until())
                            && start.plusMinutes(rule.slotMinutes()).isAfter(start);
                    start = start.plusMinutes(rule.slotMinutes())) {
                LocalTime end = start.plusMinutes(rule.slotMinutes());
                LocalTime s = start;
                if (openings.stream().anyMatch(o -> !s.isBefore(o.opens()) && !end.isAfter(o.closes()))) {
                    slots.merge(start, rule.capacity(), Integer::sum);
                }
            }
        }
        String reason = slots.isEmpty() ? NO_APPOINTMENTS_PREFIX + day : null;
        return new DayPlan(date, zone, slots, reason, window, horizonDays);
    }

    /**
     * Refuses a booking of {@code slot} at {@code now} with {@code taken} seats already taken: a
     * day without slots, a time that is not a slot, a slot that has started, beyond the horizon, full.
     */
    public void requireBookable(LocalTime slot, Instant now, int taken) {
        if (capacities.isEmpty()) {
            throw (closedReason != null && closedReason.startsWith(HOLIDAY_PREFIX)
                            ? BookingRefusal.HOLIDAY
                            : BookingRefusal.NO_SLOTS)
                    .with("date", date.toString(), "reason", String.valueOf(closedReason));
        }
        if (slot == null || !capacities.containsKey(slot)) {
            throw BookingRefusal.SLOT_UNKNOWN.with(
                    "slot",
                    String.valueOf(slot),
                    "date",
                    date.toString(),
                    "slots",
                    capacities.keySet().stream().map(LocalTime::toString).toList());
        }
        if (!now.isBefore(startOf(slot))) {
            throw BookingRefusal.SLOT_STARTED.with("slot", slot.toString(), "date", date.toString());
        }
        if (date.isAfter(today(now).plusDays(horizonDays))) {
            throw BookingRefusal.BEYOND_HORIZON.with("days", horizonDays);
        }
        if (taken >= capacities.get(slot)) {
            throw BookingRefusal.SLOT_FULL.with("slot", slot.toString(), "date", date.toString());
        }
    }

    public Instant startOf(LocalTime slot) {
        return date.atTime(slot).atZone(zone).toInstant();
    }

    /** The centre is open this day (walk-ins are taken) but offers no appointments for the service. */
    public boolean walkInsOnly() {
        return capacities.isEmpty() && closedReason != null && closedReason.startsWith(NO_APPOINTMENTS_PREFIX);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }
}
