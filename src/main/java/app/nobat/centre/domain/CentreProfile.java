package app.nobat.centre.domain;

import app.nobat.common.CommonRefusal;
import app.nobat.common.InvalidInput;
import app.nobat.common.Refusal;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.QueuePolicySettings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole configuration of a centre. Every change records a complete new profile, so the
 * history of a centre's configuration is its list of {@link CentreMessages.CentreDefined} events.
 */
public record CentreProfile(
        String centreId,
        Map<String, String> names,
        String timeZone,
        List<Service> services,
        List<Desk> desks,
        List<OpeningPeriod> openingHours,
        QueuePolicySettings policy,
        EndOfDayRule endOfDay,
        Integer maxRecalls,
        List<String> announcementLanguages,
        Map<String, String> address,
        List<ServiceDocuments> documents) {

    public static final Set<String> LANGUAGES = Set.of("fa", "fa-AF", "ps", "en");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]");
    public static final int DEFAULT_MAX_RECALLS = 2;
    public static final int MAX_RECALLS = 20;
    /** A day in minutes: longer waits than that are not served by any centre. */
    public static final int MAX_TARGET_WAIT_MINUTES = 24 * 60;

    public static final List<String> DEFAULT_ANNOUNCEMENT_LANGUAGES = List.of("fa");

    public static final int MAX_DESKS = 200;
    public static final int MAX_OPENING_PERIODS = 7 * 4;
    public static final int MAX_DOCUMENTS = 20;

    public record Service(String code, String prefix, Map<String, String> names, int targetWaitMinutes) {}

    public record Desk(String deskId, Map<String, String> names, List<String> serviceCodes) {}

    /**
     * What a visitor brings to an appointment of one service, each item named in every language:
     * shown on the booking's confirmation.
     */
    public record ServiceDocuments(String serviceCode, List<Map<String, String>> items) {}

    /** The centre is open on {@code day} from {@code opens} to {@code closes}, in the centre's time zone. */
    public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {}

    public CentreProfile {
        names = names == null ? Map.of() : Map.copyOf(names);
        services = services == null ? List.of() : List.copyOf(services);
        desks = desks == null ? List.of() : List.copyOf(desks);
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        policy = policy == null ? QueuePolicySettings.defaults() : policy;
        endOfDay = endOfDay == null ? EndOfDayRule.CLOSE : endOfDay;
        // only a missing value takes the default; a negative one is refused by validate(), not replaced
        maxRecalls = maxRecalls == null ? DEFAULT_MAX_RECALLS : maxRecalls;
        // the languages the displays speak a call in, in order: Persian unless the centre says otherwise
        announcementLanguages = announcementLanguages == null
                ? DEFAULT_ANNOUNCEMENT_LANGUAGES
                : Collections.unmodifiableList(new ArrayList<>(announcementLanguages));
        // both optional: an address in every language, documents per service (older profiles have none)
        address = address == null ? Map.of() : Map.copyOf(address);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A profile from before the announcement languages: the displays speak Persian. */
    public CentreProfile(
            String centreId,
            Map<String, String> names,
            String timeZone,
            List<Service> services,
            List<Desk> desks,
            List<OpeningPeriod> openingHours,
            QueuePolicySettings policy,
            EndOfDayRule endOfDay,
            Integer maxRecalls) {
        this(centreId, names, timeZone, services, desks, openingHours, policy, endOfDay, maxRecalls, null, null, null);
    }

    /** When the centre closes on a date, in its own time zone; empty on a day without opening hours. */
    public Optional<LocalTime> closingTimeOn(LocalDate date) {
        return openingHours.stream()
                .filter(p -> p.day() == date.getDayOfWeek())
                .map(OpeningPeriod::closes)
                .max(LocalTime::compareTo);
    }

    /** The first day after {@code date} with opening hours (the next day when no hours are configured). */
    public LocalDate nextOpeningDayAfter(LocalDate date) {
        for (int i = 1; i <= 14; i++) {
            LocalDate candidate = date.plusDays(i);
            if (openingHours.isEmpty() || closingTimeOn(candidate).isPresent()) {
                return candidate;
            }
        }
        return date.plusDays(1);
    }

    /** @throws InvalidInput naming the first problem found, by the JSON pointer of its field */
    public void validate() {
        require(
                centreId != null && CODE.matcher(centreId).matches(),
                "/centreId",
                CommonRefusal.MALFORMED_ID,
                "member",
                "centreId");
        requireNames(names, "/names", "centre " + centreId);
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw CentreRefusal.UNKNOWN_TIME_ZONE.at("/timeZone", "timeZone", String.valueOf(timeZone));
        }
        require(!services.isEmpty(), "/services", CommonRefusal.AT_LEAST_ONE, "member", "services");
        Set<String> codes = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            String at = "/services/" + i;
            require(s != null, at, CommonRefusal.REQUIRED, "member", "service");
            require(
                    s.code() != null && CODE.matcher(s.code()).matches(),
                    at + "/code",
                    CommonRefusal.MALFORMED_ID,
                    "member",
                    "code");
            require(codes.add(s.code()), at + "/code", CommonRefusal.DUPLICATE, "member", "code", "value", s.code());
            require(
                    s.prefix() != null && PREFIX.matcher(s.prefix()).matches(),
                    at + "/prefix",
                    CentreRefusal.TICKET_PREFIX,
                    "service",
                    s.code());
            require(
                    prefixes.add(s.prefix()),
                    at + "/prefix",
                    CommonRefusal.DUPLICATE,
                    "member",
                    "prefix",
                    "value",
                    s.prefix());
            require(
                    s.targetWaitMinutes() > 0 && s.targetWaitMinutes() <= MAX_TARGET_WAIT_MINUTES,
                    at + "/targetWaitMinutes",
                    CommonRefusal.OUT_OF_BOUNDS,
                    "member",
                    "targetWaitMinutes",
                    "min",
                    1,
                    "max",
                    MAX_TARGET_WAIT_MINUTES);
            requireNames(s.names(), at + "/names", "service " + s.code());
        }
        require(!desks.isEmpty(), "/desks", CommonRefusal.AT_LEAST_ONE, "member", "desks");
        require(desks.size() <= MAX_DESKS, "/desks", CommonRefusal.TOO_MANY_ITEMS, "member", "desks", "max", MAX_DESKS);
        Set<String> deskIds = new HashSet<>();
        for (int i = 0; i < desks.size(); i++) {
            Desk d = desks.get(i);
            String at = "/desks/" + i;
            require(d != null, at, CommonRefusal.REQUIRED, "member", "desk");
            require(
                    d.deskId() != null && CODE.matcher(d.deskId()).matches(),
                    at + "/deskId",
                    CommonRefusal.MALFORMED_ID,
                    "member",
                    "deskId");
            require(
                    deskIds.add(d.deskId()),
                    at + "/deskId",
                    CommonRefusal.DUPLICATE,
                    "member",
                    "deskId",
                    "value",
                    d.deskId());
            require(
                    d.serviceCodes() != null && !d.serviceCodes().isEmpty(),
                    at + "/serviceCodes",
                    CommonRefusal.AT_LEAST_ONE,
                    "member",
                    "serviceCodes");
            for (int j = 0; j < d.serviceCodes().size(); j++) {
                String code = d.serviceCodes().get(j);
                require(
                        code != null && codes.contains(code),
                        at + "/serviceCodes/" + j,
                        CentreRefusal.DESK_NAMES_UNKNOWN_SERVICE,
                        "desk",
                        d.deskId(),
                        "service",
                        String.valueOf(code));
            }
            requireNames(d.names(), at + "/names", "desk " + d.deskId());
        }
        require(
                openingHours.size() <= MAX_OPENING_PERIODS,
                "/openingHours",
                CommonRefusal.TOO_MANY_ITEMS,
                "member",
                "openingHours",
                "max",
                MAX_OPENING_PERIODS);
        for (int i = 0; i < openingHours.size(); i++) {
            OpeningPeriod p = openingHours.get(i);
            String at = "/openingHours/" + i;
            require(
                    p != null
                            && p.day() != null
                            && p.opens() != null
                            && p.closes() != null
                            && p.opens().isBefore(p.closes()),
                    at,
                    CentreRefusal.OPENING_PERIOD);
            for (int j = 0; j < i; j++) {
                OpeningPeriod earlier = openingHours.get(j);
                if (earlier.day() == p.day()
                        && p.opens().isBefore(earlier.closes())
                        && earlier.opens().isBefore(p.closes())) {
                    throw CentreRefusal.OVERLAPPING_OPENING_HOURS.at(
                            at, "period", i, "other", j, "day", p.day().name());
                }
            }
        }
        policy.validate("/policy");
        require(
                maxRecalls >= 0 && maxRecalls <= MAX_RECALLS,
                "/maxRecalls",
                CommonRefusal.OUT_OF_BOUNDS,
                "member",
                "maxRecalls",
                "min",
                0,
                "max",
                MAX_RECALLS);
        if (!address.isEmpty()) {
            requireNames(address, "/address", "the address of centre " + centreId);
        }
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            ServiceDocuments d = documents.get(i);
            String at = "/documents/" + i;
            require(d != null, at, CommonRefusal.REQUIRED, "member", "documents");
            require(
                    d.serviceCode() != null && codes.contains(d.serviceCode()),
                    at + "/serviceCode",
                    CentreRefusal.DOCUMENTS_UNKNOWN_SERVICE,
                    "service",
                    String.valueOf(d.serviceCode()));
            require(
                    listed.add(d.serviceCode()),
                    at + "/serviceCode",
                    CommonRefusal.DUPLICATE,
                    "member",
                    "serviceCode",
                    "value",
                    d.serviceCode());
            List<Map<String, String>> items = d.items() == null ? List.of() : d.items();
            require(
                    items.size() <= MAX_DOCUMENTS,
                    at + "/items",
                    CommonRefusal.TOO_MANY_ITEMS,
                    "member",
                    "items",
                    "max",
                    MAX_DOCUMENTS);
            for (int j = 0; j < items.size(); j++) {
                requireNames(items.get(j), at + "/items/" + j, "a document of service " + d.serviceCode());
            }
        }
        validateAnnouncementLanguages();
    }

    private void validateAnnouncementLanguages() {
        require(
                !announcementLanguages.isEmpty(),
                "/announcementLanguages",
                CommonRefusal.AT_LEAST_ONE,
                "member",
                "announcementLanguages");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < announcementLanguages.size(); i++) {
            String language = announcementLanguages.get(i);
            String at = "/announcementLanguages/" + i;
            require(
                    language != null && LANGUAGES.contains(language),
                    at,
                    CommonRefusal.UNKNOWN_LANGUAGE,
                    "member",
                    "announcementLanguages");
            require(
                    seen.add(language),
                    at,
                    CommonRefusal.DUPLICATE,
                    "member",
                    "announcementLanguages",
                    "value",
                    language);
        }
    }

    private static void requireNames(Map<String, String> names, String at, String what) {
        for (String language : LANGUAGES) {
            String name = names == null ? null : names.get(language);
            require(
                    name != null && !name.isBlank() && name.length() <= 200,
                    at + "/" + language,
                    CentreRefusal.NAME_REQUIRED,
                    "owner",
                    what,
                    "language",
                    language);
        }
        require(
                names == null || LANGUAGES.containsAll(names.keySet()),
                at,
                CommonRefusal.UNKNOWN_LANGUAGE,
                "member",
                "names");
    }

    private static void require(boolean condition, String field, Refusal refusal, Object... namesAndValues) {
        if (!condition) {
            throw refusal.at(field, namesAndValues);
        }
    }
}
