package app.nobat.planning.domain;

import app.nobat.common.InvalidInput;
import app.nobat.planning.domain.FloorObservations.DeskSpell;
import app.nobat.planning.domain.FloorObservations.ServiceSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staffing advice on what a floor's day has shown (docs/design.md, Staffing advice): for each
 * service and hour, the arrival rate and mean service time observed, the desks that served, and the
 * desks Erlang C says were needed for a share of visitors to wait at most the service's target.
 * <p>
 * Each past hour is read over its clock hour (from the floor's start, for the first); the current
 * hour over the last 60 minutes, so that its rate does not start again from nothing at every full
 * hour. A rate is counted over at least {@link #SHORTEST_RATE_WINDOW}, so that the visitors at
 * the door when the floor opens do not read as a flood.
 * <p>
 * Shared desks: a service's own figure counts every open desk offering it, as the queue screens do,
 * and needs desks as if they were its own; so the figures of services that share desks are read
 * together in {@link FloorStaffing.DeskGroup}s: the services joined by shared desks, their distinct
 * desks, their combined load, and the desks Erlang C needs for it pooled (as if every desk took
 * every service of the group: usually the fewest they can do with) and apart (the sum of the
 * services' own: what desks not shared at all would need).
 */
public final class ObservedStaffing {

    /** The shortest time a rate is counted over. */
    public static final Duration SHORTEST_RATE_WINDOW = Duration.ofMinutes(15);

    /** Services that must end in an hour's window for its own mean service time to be used. */
    public static final int SERVICES_FOR_AN_HOUR = 3;

    /** A mean service time below a minute is clicks, not service: it counts as a minute, as the board's does. */
    static final double SHORTEST_SERVICE_MINUTES = 1.0;

    /** Past hours shown at most: a day's. */
    static final int MOST_HOURS = 24;

    private ObservedStaffing() {}

    /**
     * The advice for each service (in the order given) over each hour of the day so far, and the
     * current hour.
     *
     * @param zone the centre's time zone, in which hours are counted
     * @param share the share of visitors to keep within each target, above 0 and at most 1
     * @throws InvalidInput {@code invalid-share} at {@code /share}
     */
    public static FloorStaffing advise(
            FloorObservations day, List<ServiceTarget> services, ZoneId zone, Instant now, double share) {
        if (!(share > 0 && share <= 1)) {
            throw PlanningRefusal.INVALID_SHARE.at("/share");
        }
        List<Window> windows = windows(day.opened(), zone, now);
        Map<String, List<FloorStaffing.Hour>> byService = new LinkedHashMap<>();
        services.forEach(s -> byService.put(s.serviceCode(), new ArrayList<>()));
        List<FloorStaffing.FloorHour> floor = new ArrayList<>();
        for (Window window : windows) {
            Map<String, FloorStaffing.Hour> hour = new LinkedHashMap<>();
            for (ServiceTarget service : services) {
                FloorStaffing.Hour advice = serviceHour(day, service, window, share);
                hour.put(service.serviceCode(), advice);
                byService.get(service.serviceCode()).add(advice);
            }
            floor.add(new FloorStaffing.FloorHour(
                    window.hour(), window.current(), groups(day, services, window, hour, share)));
        }
        List<FloorStaffing.Service> perService = services.stream()
                .map(s -> new FloorStaffing.Service(
                        s.serviceCode(), s.targetWaitMinutes(), byService.get(s.serviceCode())))
                .toList();
        return new FloorStaffing(share, windows.get(windows.size() - 1).hour(), perService, floor);
    }

    /** The span of time one hour's advice reads; the current one ends now and includes it. */
    record Window(String hour, boolean current, Instant from, Instant until) {

        boolean contains(Instant at) {
            return !at.isBefore(from) && (current ? !at.isAfter(until) : at.isBefore(until));
        }

        /** Before the window's end: what was known when it ended. */
        boolean byEnd(Instant at) {
            return current ? !at.isAfter(until) : at.isBefore(until);
        }

        long millis() {
            return Math.max(0, until.toEpochMilli() - from.toEpochMilli());
        }

        /** Spells to count now: open at the end of the current window; any in it for a past hour. */
        boolean counts(DeskSpell spell) {
            return current ? spell.openAt(until) : spell.overlapMillis(from, until) > 0;
        }
    }

    /** The past hours from the floor's start, each its clock hour, and the last 60 minutes. */
    static List<Window> windows(Instant opened, ZoneId zone, Instant now) {
        ZonedDateTime thisHour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        List<Window> windows = new ArrayList<>();
        if (opened != null && opened.isBefore(thisHour.toInstant())) {
            ZonedDateTime hour = opened.atZone(zone).truncatedTo(ChronoUnit.HOURS);
            ZonedDateTime earliest = thisHour.minusHours(MOST_HOURS);
            if (hour.isBefore(earliest)) {
                hour = earliest;
            }
            while (hour.isBefore(thisHour)) {
                ZonedDateTime next = hour.plusHours(1);
                windows.add(new Window(label(hour), false, later(hour.toInstant(), opened), next.toInstant()));
                hour = next;
            }
        }
        Instant lastHour = now.minus(Duration.ofHours(1));
        Instant from = opened == null ? lastHour : later(lastHour, opened.isAfter(now) ? now : opened);
        windows.add(new Window(label(thisHour), true, from, now));
        return windows;
    }

    private static FloorStaffing.Hour serviceHour(
            FloorObservations day, ServiceTarget service, Window window, double share) {
        String code = service.serviceCode();
        int arrivals = (int) day.entries().stream()
                .filter(e -> e.serviceCode().equals(code) && window.contains(e.at()))
                .count();
        double rate = arrivals * 3_600_000.0 / Math.max(window.millis(), SHORTEST_RATE_WINDOW.toMillis());
        List<ServiceSpan> ended = day.spans().stream()
                .filter(s -> s.serviceCode().equals(code) && window.contains(s.endedAt()))
                .toList();
        ServiceTimeBasis basis;
        double minutes;
        if (ended.size() >= SERVICES_FOR_AN_HOUR) {
            basis = ServiceTimeBasis.HOUR;
            minutes = mean(ended);
        } else {
            List<ServiceSpan> sofar = day.spans().stream()
                    .filter(s -> s.serviceCode().equals(code) && window.byEnd(s.endedAt()))
                    .toList();
            basis = sofar.isEmpty() ? ServiceTimeBasis.DEFAULT : ServiceTimeBasis.DAY;
            minutes = sofar.isEmpty() ? service.defaultServiceMinutes() : mean(sofar);
        }
        minutes = Math.max(SHORTEST_SERVICE_MINUTES, minutes);
        List<DeskSpell> offering = day.spells().stream()
                .filter(s -> s.serviceCodes().contains(code))
                .toList();
        Integer now = window.current()
                ? (int) offering.stream().filter(window::counts).count()
                : null;
        double meanDesks = meanDesks(offering, window);
        Integer needed = desksNeeded(rate, minutes, service.targetWaitMinutes(), share);
        double serving = now != null ? now : meanDesks;
        return new FloorStaffing.Hour(
                window.hour(),
                window.current(),
                window.from(),
                window.until(),
                arrivals,
                rate,
                ended.size(),
                minutes,
                basis,
                rate / 60 * minutes,
                meanDesks,
                now,
                needed,
                needed == null || serving < needed);
    }

    /** The services of each group joined by the window's desks, in the services' order. */
    private static List<FloorStaffing.DeskGroup> groups(
            FloorObservations day,
            List<ServiceTarget> services,
            Window window,
            Map<String, FloorStaffing.Hour> hour,
            double share) {
        Map<String, String> root = new HashMap<>();
        services.forEach(s -> root.put(s.serviceCode(), s.serviceCode()));
        List<DeskSpell> counted = day.spells().stream().filter(window::counts).toList();
        for (DeskSpell spell : counted) {
            String first = null;
            for (String code : spell.serviceCodes()) {
                if (!root.containsKey(code)) {
                    continue; // a service the centre no longer has
                }
                if (first == null) {
                    first = code;
                } else {
                    root.put(find(root, code), find(root, first));
                }
            }
        }
        Map<String, List<ServiceTarget>> members = new LinkedHashMap<>();
        services.forEach(s -> members.computeIfAbsent(find(root, s.serviceCode()), k -> new ArrayList<>())
                .add(s));
        List<FloorStaffing.DeskGroup> groups = new ArrayList<>();
        for (List<ServiceTarget> group : members.values()) {
            List<String> codes = group.stream().map(ServiceTarget::serviceCode).toList();
            List<DeskSpell> desks = day.spells().stream()
                    .filter(s -> s.serviceCodes().stream().anyMatch(codes::contains))
                    .toList();
            double rate = 0;
            double load = 0;
            Integer apart = 0;
            int strictest = Integer.MAX_VALUE;
            int strictestOfAll = Integer.MAX_VALUE;
            for (ServiceTarget s : group) {
                FloorStaffing.Hour h = hour.get(s.serviceCode());
                rate += h.arrivalsPerHour();
                load += h.offeredLoad();
                apart = apart == null || h.desksNeeded() == null ? null : apart + h.desksNeeded();
                strictestOfAll = Math.min(strictestOfAll, s.targetWaitMinutes());
                if (h.arrivals() > 0) {
                    strictest = Math.min(strictest, s.targetWaitMinutes());
                }
            }
            int target = strictest == Integer.MAX_VALUE ? strictestOfAll : strictest;
            Integer needed = rate == 0 ? Integer.valueOf(0) : desksNeeded(rate, load * 60 / rate, target, share);
            Integer now = window.current()
                    ? (int) desks.stream().filter(window::counts).count()
                    : null;
            double meanDesks = meanDesks(desks, window);
            double serving = now != null ? now : meanDesks;
            groups.add(new FloorStaffing.DeskGroup(
                    codes, meanDesks, now, load, target, needed, apart, needed == null || serving < needed));
        }
        return groups;
    }

    private static String find(Map<String, String> root, String code) {
        String r = code;
        while (!root.get(r).equals(r)) {
            r = root.get(r);
        }
        root.put(code, r);
        return r;
    }

    /**
     * Erlang C's answer for observed numbers, or null where they leave the model's range (a rate or
     * service time no planner would ask about, a load past {@link Staffing#MAX_DESKS}).
     */
    static Integer desksNeeded(double arrivalsPerHour, double meanServiceMinutes, int targetWaitMinutes, double share) {
        if (arrivalsPerHour == 0) {
            return 0;
        }
        try {
            return Staffing.desksNeeded(
                            new StaffingQuestion(arrivalsPerHour, meanServiceMinutes, targetWaitMinutes, share))
                    .desksNeeded();
        } catch (InvalidInput beyondPlanning) {
            return null;
        }
    }

    /** Desk-time of these spells in the window over its length; at a window of no length, the desks open then. */
    private static double meanDesks(List<DeskSpell> spells, Window window) {
        if (window.millis() == 0) {
            return spells.stream().filter(s -> s.openAt(window.until())).count();
        }
        long open = spells.stream()
                .mapToLong(s -> s.overlapMillis(window.from(), window.until()))
                .sum();
        return (double) open / window.millis();
    }

    private static double mean(List<ServiceSpan> spans) {
        return spans.stream().mapToDouble(ServiceSpan::minutes).average().orElse(0);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String label(ZonedDateTime hour) {
        return String.format("%02d", hour.getHour());
    }
}
