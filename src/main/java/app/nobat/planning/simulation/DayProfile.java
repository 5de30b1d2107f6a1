package app.nobat.planning.simulation;

import app.nobat.floor.domain.PriorityClass;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One simulated day at a centre, as a planner would describe it: who comes for which service and
 * when, how long each service takes, who is a priority visitor or holds an appointment, which desk
 * opens when with which services, and how visitors answer their calls. Read from JSON (see
 * {@code bench/profiles/}); times are the centre's local times.
 *
 * @param centre          the centre whose definition is read from {@code centres/<centre>.yml} on the
 *                        class path (its services, desks, queue policy and target waits)
 * @param day             the day's date (any date: the floor keeps no calendar)
 * @param opens           when the doors open: the opening queue gets its tickets then
 * @param closes          when the doors close: no arrival after it; the desks serve who holds a ticket
 * @param services        per service code, its service time and arrival rates
 * @param priorityMix     the share of visitors of each priority class (the rest are {@code NONE})
 * @param appointments    the share of visitors who booked, and how they arrive for their slots; null: none
 * @param visitors        how visitors answer a call; null: at once, no walk, every one comes
 * @param openingQueue    visitors of each service already at the door at {@code opens}; null: none
 * @param desks           each desk's shifts and pauses
 * @param reestimateEveryMinutes how often every waiting visit's estimate is taken again (0 or null: only at arrival)
 */
public record DayProfile(
        String name,
        String description,
        String centre,
        LocalDate day,
        LocalTime opens,
        LocalTime closes,
        Map<String, ServiceLoad> services,
        Map<PriorityClass, Double> priorityMix,
        Appointments appointments,
        Visitors visitors,
        Map<String, Integer> openingQueue,
        List<DeskPlan> desks,
        Integer reestimateEveryMinutes) {

    public DayProfile {
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("a day opens before it closes");
        }
        services = services == null ? Map.of() : new TreeMap<>(services);
        priorityMix = priorityMix == null ? Map.of() : Map.copyOf(priorityMix);
        openingQueue = openingQueue == null ? Map.of() : new TreeMap<>(openingQueue);
        desks = desks == null ? List.of() : List.copyOf(desks);
        day = day == null ? LocalDate.of(2026, 11, 29) : day;
        reestimateEveryMinutes = reestimateEveryMinutes == null ? 0 : reestimateEveryMinutes;
        double priorityShare =
                priorityMix.values().stream().mapToDouble(Double::doubleValue).sum();
        if (priorityMix.containsKey(PriorityClass.NONE) || priorityShare < 0 || priorityShare > 1) {
            throw new IllegalArgumentException("priorityMix gives the priority classes' shares, at most 1 in all");
        }
    }

    /** How service times are spread around their mean. */
    public enum Distribution {
        /** Lognormal with the given coefficient of variation: a long tail of slow cases. */
        LOGNORMAL,
        /** Exponential (cv 1), the M/M/c assumption. */
        EXPONENTIAL,
        /** Every service takes the mean. */
        FIXED
    }

    /**
     * @param meanMinutes     mean service time (from the visitor's arrival at the desk to completion)
     * @param cv              coefficient of variation of the service time (LOGNORMAL only)
     * @param arrivalsPerHour Poisson arrival rate from each local time on, until the next entry or the
     *                        closing of the doors: {@code {"07:30": 12, "09:00": 30, "12:00": 0}}
     */
    public record ServiceLoad(
            double meanMinutes, double cv, Distribution distribution, Map<LocalTime, Double> arrivalsPerHour) {
        public ServiceLoad {
            if (!(meanMinutes > 0)) {
                throw new IllegalArgumentException("meanMinutes must be above 0");
            }
            distribution = distribution == null ? Distribution.LOGNORMAL : distribution;
            arrivalsPerHour = arrivalsPerHour == null ? Map.of() : new TreeMap<>(arrivalsPerHour);
        }
    }

    /**
     * @param share                share of each service's arrivals who booked a slot
     * @param slotMinutes          length of a booking slot, slots starting at {@code opens}
     * @param arriveBeforeMinutes  how early a holder comes on average before the slot's start
     * @param arriveSpreadMinutes  standard deviation of that (normal, cut to the opening hours)
     */
    public record Appointments(double share, int slotMinutes, double arriveBeforeMinutes, double arriveSpreadMinutes) {}

    /**
     * @param walkSeconds        time from the call to the visitor at the desk (lognormal), null: none
     * @param recallProbability  share of visitors who miss the first call and come at the first recall
     * @param noShowProbability  share of visitors who never come to their call (marked no-show after the recalls)
     * @param recallAfterSeconds how long a desk waits for a called visitor before recalling
     */
    public record Visitors(
            Spread walkSeconds, double recallProbability, double noShowProbability, int recallAfterSeconds) {}

    /** A positive quantity by its mean and coefficient of variation (lognormal; cv 0: always the mean). */
    public record Spread(double mean, double cv) {}

    /**
     * @param desk     the desk's id in the centre
     * @param services the services it serves (null or empty: all the centre allows it)
     * @param shifts   when it is open; a shift ending at or after {@code closes} serves on until its
     *                 services' queues are empty
     * @param pauses   breaks, each taken once the desk's visitor at that time is done
     */
    public record DeskPlan(String desk, List<String> services, List<Shift> shifts, List<Pause> pauses) {
        public DeskPlan {
            services = services == null ? List.of() : List.copyOf(services);
            shifts = shifts == null ? List.of() : List.copyOf(shifts);
            pauses = pauses == null ? List.of() : List.copyOf(pauses);
        }
    }

    public record Shift(LocalTime from, LocalTime to) {}

    public record Pause(LocalTime at, int minutes) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static DayProfile read(InputStream in) throws IOException {
        return JSON.readValue(in, DayProfile.class);
    }

    public static DayProfile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }
}
