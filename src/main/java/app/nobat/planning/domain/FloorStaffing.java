package app.nobat.planning.domain;

import java.time.Instant;
import java.util.List;

/**
 * Staffing advice on a floor's day so far ({@link ObservedStaffing}): for each service and hour,
 * what came and what was there against what Erlang C says was needed; and for each group of
 * services that share desks, the same for their combined load.
 *
 * @param share the share of visitors the advice keeps within each service's target
 * @param currentHour the hour of the day now, in the centre's time zone ("09")
 * @param services each service of the centre, in the centre's order
 * @param floor each hour's groups of services that share desks
 */
public record FloorStaffing(double share, String currentHour, List<Service> services, List<FloorHour> floor) {

    public FloorStaffing {
        services = List.copyOf(services);
        floor = List.copyOf(floor);
    }

    /** One service's hours, the earliest first and the current one last. */
    public record Service(String serviceCode, int targetWaitMinutes, List<Hour> hours) {
        public Service {
            hours = List.copyOf(hours);
        }

        /** The current hour's advice (always the last). */
        public Hour current() {
            return hours.get(hours.size() - 1);
        }
    }

    /**
     * One service in one hour.
     *
     * @param hour the hour of the day ("08")
     * @param current whether this is the hour now, read over the last 60 minutes rather than its clock hour
     * @param from the start of the window observed (a past hour from its full hour, or from the floor's start)
     * @param until the window's end (the next full hour, or now)
     * @param arrivals visitors who joined the queue in the window (transfers into the service included)
     * @param arrivalsPerHour those arrivals as a rate (over at least {@link ObservedStaffing#SHORTEST_RATE_WINDOW})
     * @param servicesEnded services of this service that ended in the window
     * @param meanServiceMinutes the mean service time used, from {@code serviceTimeBasis}
     * @param offeredLoad arrivals per minute × mean service minutes: desks busy on average (Erlangs)
     * @param meanDesksServing open desks offering the service, on average over the window; a desk shared
     *     with other services counts as a whole desk for each of them
     * @param desksServingNow open desks offering the service now (the current hour only, else null)
     * @param desksNeeded the fewest desks by Erlang C at which {@code share} of visitors wait at most the
     *     target, given this rate and service time; null when the load is beyond planning
     * @param understaffed fewer desks serving (now, or on average for a past hour) than needed
     */
    public record Hour(
            String hour,
            boolean current,
            Instant from,
            Instant until,
            int arrivals,
            double arrivalsPerHour,
            int servicesEnded,
            double meanServiceMinutes,
            ServiceTimeBasis serviceTimeBasis,
            double offeredLoad,
            double meanDesksServing,
            Integer desksServingNow,
            Integer desksNeeded,
            boolean understaffed) {}

    /** The groups of services that shared desks in one hour (current: the desks open now). */
    public record FloorHour(String hour, boolean current, List<DeskGroup> groups) {
        public FloorHour {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Services joined by desks that serve more than one of them, and the desks that serve them:
     * their combined load is what those desks share. A desk counts once here, however many of the
     * group's services it offers.
     *
     * @param serviceCodes the group's services in the centre's order (one alone when no desk joins it to another)
     * @param meanDesksServing distinct desks of the group open, on average over the window
     * @param desksServingNow distinct desks of the group open now (the current hour only, else null)
     * @param offeredLoad the sum of the services' offered loads (Erlangs)
     * @param targetWaitMinutes the strictest target among the services that had arrivals
     * @param desksNeeded Erlang C for the pooled load (every desk serving every service of the group, at
     *     the load-weighted mean service time and the strictest target): usually the fewest the group can
     *     do with; null when beyond planning
     * @param desksNeededApart the sum of the services' own figures: what the group needs if its desks were
     *     not shared at all; null when any of them is beyond planning
     * @param understaffed fewer distinct desks serving than {@code desksNeeded}
     */
    public record DeskGroup(
            List<String> serviceCodes,
            double meanDesksServing,
            Integer desksServingNow,
            double offeredLoad,
            int targetWaitMinutes,
            Integer desksNeeded,
            Integer desksNeededApart,
            boolean understaffed) {
        public DeskGroup {
            serviceCodes = List.copyOf(serviceCodes);
        }
    }
}
