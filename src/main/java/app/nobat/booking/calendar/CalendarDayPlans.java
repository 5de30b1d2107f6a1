package app.nobat.booking.calendar;

import app.nobat.booking.domain.DayBookId;
import app.nobat.booking.domain.DayPlan;
import app.nobat.booking.domain.DayPlanSource;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * A day's plan from the centre's profile (opening hours, time zone), its calendar (template,
 * holidays) and the national holidays — all read models, so that a booking never locks the
 * centre's configuration. A plan is kept for a second or two: a booking storm reads it for every
 * attempt, and a change of configuration may take that long to show.
 */
public class CalendarDayPlans implements DayPlanSource {

    private final CentreCatalog catalog;
    private final CalendarStore calendars;
    private final NationalHolidays national;
    private final BookingSettings settings;
    private final ConcurrentHashMap<DayBookId, Cached> recent = new ConcurrentHashMap<>();

    private record Cached(DayPlan plan, long until) {}

    static final long KEEP_NANOS = 2_000_000_000L;

    public CalendarDayPlans(
            CentreCatalog catalog, CalendarStore calendars, NationalHolidays national, BookingSettings settings) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.national = national;
        this.settings = settings;
    }

    @Override
    public DayPlan planFor(DayBookId id) {
        long now = System.nanoTime();
        Cached cached = recent.get(id);
        if (cached != null && now - cached.until() < 0) {
            return cached.plan();
        }
        DayPlan plan = freshPlan(id);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(id, new Cached(plan, now + KEEP_NANOS));
        return plan;
    }

    private DayPlan freshPlan(DayBookId id) {
        CentreProfile centre = catalog.get(id.centreId());
        if (centre.services().stream().noneMatch(s -> s.code().equals(id.serviceCode()))) {
            throw CommonRefusal.UNKNOWN_SERVICE.with("service", id.serviceCode());
        }
        List<DayPlan.Opening> openings = centre.openingHours().stream()
                .filter(p -> p.day() == id.date().getDayOfWeek())
                .map(p -> new DayPlan.Opening(p.opens(), p.closes()))
                .toList();
        Document calendar = calendars.raw(id.centreId());
        var holiday = CalendarStore.holiday(calendar, id.date(), national);
        String holidayName = holiday == null
                ? null
                : holiday.getOrDefault("en", holiday.values().iterator().next());
        return DayPlan.of(
                id.date(),
                ZoneId.of(centre.timeZone()),
                openings,
                calendars.template(calendar, id.serviceCode()).orElse(null),
                holidayName,
                settings.window(),
                settings.horizonDays());
    }
}
