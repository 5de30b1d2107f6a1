package app.nobat.centre.domain;

import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A centre's profile as {@link CentreMessages.CentreDefined} stores it: the event's own records,
 * plain data with no rules or defaults, so that a change to {@link CentreProfile} never changes
 * what stored events mean. Fields an older event lacks are null here and take the profile's
 * defaults in {@link #toProfile()}.
 */
public record StoredProfile(
        String centreId,
        Map<String, String> names,
        String timeZone,
        List<Service> services,
        List<Desk> desks,
        List<Opening> openingHours,
        Policy policy,
        EndOfDayRule endOfDay,
        Integer maxRecalls,
        List<String> announcementLanguages,
        Map<String, String> address,
        List<Documents> documents) {

    public record Service(String code, String prefix, Map<String, String> names, int targetWaitMinutes) {}

    public record Desk(String deskId, Map<String, String> names, List<String> serviceCodes) {}

    public record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {}

    public record Policy(Map<PriorityClass, Double> weights, double appointmentBoost, int maxPriorityInRow) {}

    public record Documents(String serviceCode, List<Map<String, String>> items) {}

    public static StoredProfile of(CentreProfile p) {
        QueuePolicySettings q = p.policy();
        return new StoredProfile(
                p.centreId(),
                p.names(),
                p.timeZone(),
                map(p.services(), s -> new Service(s.code(), s.prefix(), s.names(), s.targetWaitMinutes())),
                map(p.desks(), d -> new Desk(d.deskId(), d.names(), d.serviceCodes())),
                map(p.openingHours(), o -> new Opening(o.day(), o.opens(), o.closes())),
                new Policy(q.weights(), q.appointmentBoost(), q.maxPriorityInRow()),
                p.endOfDay(),
                p.maxRecalls(),
                p.announcementLanguages(),
                p.address(),
                map(p.documents(), d -> new Documents(d.serviceCode(), d.items())));
    }

    public CentreProfile toProfile() {
        return new CentreProfile(
                centreId,
                names,
                timeZone,
                map(services, s -> new CentreProfile.Service(s.code(), s.prefix(), s.names(), s.targetWaitMinutes())),
                map(desks, d -> new CentreProfile.Desk(d.deskId(), d.names(), d.serviceCodes())),
                map(openingHours, o -> new CentreProfile.OpeningPeriod(o.day(), o.opens(), o.closes())),
                policy == null
                        ? null
                        : new QueuePolicySettings(
                                policy.weights(), policy.appointmentBoost(), policy.maxPriorityInRow()),
                endOfDay,
                maxRecalls,
                announcementLanguages,
                address,
                map(documents, d -> new CentreProfile.ServiceDocuments(d.serviceCode(), d.items())));
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> to) {
        return items == null ? null : items.stream().map(to).toList();
    }
}
