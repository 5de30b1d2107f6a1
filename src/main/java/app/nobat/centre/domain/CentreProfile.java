package app.nobat.centre.domain;

import app.nobat.common.InvalidInput;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.QueuePolicySettings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole configuration of a centre. Every change records a complete new profile, so the
 * history of a centre's configuration is its list of {@link CentreMessages.CentreDefined} events.
 */
public record CentreProfile(String centreId, Map<String, String> names, String timeZone,
                            List<Service> services, List<Desk> desks, List<OpeningPeriod> openingHours,
                            QueuePolicySettings policy, EndOfDayRule endOfDay, int maxRecalls) {

    public static final Set<String> LANGUAGES = Set.of("fa", "fa-AF", "ps", "en");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]");

    public record Service(String code, String prefix, Map<String, String> names, int targetWaitMinutes) {
    }

    public record Desk(String deskId, Map<String, String> names, List<String> serviceCodes) {
    }

    /** The centre is open on {@code day} from {@code opens} to {@code closes}, in the centre's time zone. */
    public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    public CentreProfile {
        names = names == null ? Map.of() : Map.copyOf(names);
        services = services == null ? List.of() : List.copyOf(services);
        desks = desks == null ? List.of() : List.copyOf(desks);
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        policy = policy == null ? QueuePolicySettings.defaults() : policy;
        endOfDay = endOfDay == null ? EndOfDayRule.CLOSE : endOfDay;
        maxRecalls = maxRecalls <= 0 ? 2 : maxRecalls;
    }

    /** When the centre closes on a date, in its own time zone; empty on a day without opening hours. */
    public java.util.Optional<LocalTime> closingTimeOn(java.time.LocalDate date) {
        return openingHours.stream().filter(p -> p.day() == date.getDayOfWeek()).map(OpeningPeriod::closes)
                .max(LocalTime::compareTo);
    }

    /** The first day after {@code date} with opening hours (the next day when no hours are configured). */
    public java.time.LocalDate nextOpeningDayAfter(java.time.LocalDate date) {
        for (int i = 1; i <= 14; i++) {
            java.time.LocalDate candidate = date.plusDays(i);
            if (openingHours.isEmpty() || closingTimeOn(candidate).isPresent()) {
                return candidate;
            }
        }
        return date.plusDays(1);
    }

    /** @throws InvalidInput naming the first problem found */
    public void validate() {
        require(centreId != null && CODE.matcher(centreId).matches(),
                "centreId must be 1 to 64 lower-case letters, digits or dashes");
        requireNames(names, "centre " + centreId);
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new InvalidInput("Unknown time zone '" + timeZone + "'");
        }
        require(!services.isEmpty(), "a centre needs at least one service");
        Set<String> codes = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (Service s : services) {
            require(s.code() != null && CODE.matcher(s.code()).matches(),
                    "service code '" + s.code() + "' must be lower-case letters, digits or dashes");
            require(codes.add(s.code()), "service code '" + s.code() + "' appears twice");
            require(s.prefix() != null && PREFIX.matcher(s.prefix()).matches(),
                    "service " + s.code() + " needs a ticket prefix of one capital letter");
            require(prefixes.add(s.prefix()), "ticket prefix " + s.prefix() + " is used by two services");
            require(s.targetWaitMinutes() > 0, "service " + s.code() + " needs a positive target wait");
            requireNames(s.names(), "service " + s.code());
        }
        require(!desks.isEmpty(), "a centre needs at least one desk");
        Set<String> deskIds = new HashSet<>();
        for (Desk d : desks) {
            require(d.deskId() != null && CODE.matcher(d.deskId()).matches(),
                    "desk id '" + d.deskId() + "' must be lower-case letters, digits or dashes");
            require(deskIds.add(d.deskId()), "desk id '" + d.deskId() + "' appears twice");
            require(d.serviceCodes() != null && !d.serviceCodes().isEmpty(),
                    "desk " + d.deskId() + " must serve at least one service");
            for (String code : d.serviceCodes()) {
                require(codes.contains(code), "desk " + d.deskId() + " names unknown service '" + code + "'");
            }
            requireNames(d.names(), "desk " + d.deskId());
        }
        for (OpeningPeriod p : openingHours) {
            require(p.day() != null && p.opens() != null && p.closes() != null && p.opens().isBefore(p.closes()),
                    "an opening period needs a day and opens before it closes");
        }
    }

    private static void requireNames(Map<String, String> names, String what) {
        for (String language : LANGUAGES) {
            String name = names == null ? null : names.get(language);
            require(name != null && !name.isBlank() && name.length() <= 200,
                    what + " needs a name in " + language);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInput("Invalid centre profile: " + message);
        }
    }
}
