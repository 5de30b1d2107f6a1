package app.nobat.access.audit;

import app.nobat.access.domain.StaffDirectoryMessages;
import app.nobat.access.domain.StaffDirectoryMessages.DeviceTokenIssued;
import app.nobat.access.domain.StaffDirectoryMessages.DeviceTokenRevoked;
import app.nobat.access.domain.StaffDirectoryMessages.StaffAccountChanged;
import app.nobat.access.domain.StaffDirectoryMessages.StaffAccountCreated;
import app.nobat.booking.domain.CalendarMessages;
import app.nobat.booking.domain.CalendarMessages.HolidayDeclared;
import app.nobat.booking.domain.CalendarMessages.HolidayLifted;
import app.nobat.booking.domain.CalendarMessages.SlotTemplatePublished;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreMessages.CentreDefined;
import app.nobat.centre.domain.CentreProfile;
import jakarta.annotation.Nullable;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Who changed which configuration, and when, read from the event store: each centre's
 * definitions (with the settings each one changed), its calendar's slot templates and holidays,
 * and the staff directory's account and device changes. Every stream is read by its key.
 */
public class ConfigurationAudit {

    private final EventStore events;
    private final CentreCatalog catalog;

    public ConfigurationAudit(EventStore events, CentreCatalog catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    /** What a change was. */
    public enum ChangeKind {
        CENTRE_DEFINED,
        SLOT_TEMPLATE_PUBLISHED,
        HOLIDAY_DECLARED,
        HOLIDAY_LIFTED,
        STAFF_ACCOUNT_CREATED,
        STAFF_ACCOUNT_CHANGED,
        DEVICE_TOKEN_ISSUED,
        DEVICE_TOKEN_REVOKED
    }

    /**
     * One change.
     *
     * @param centreId the centre changed, or the one a device or account is bound to (null: none)
     * @param subject what was changed within it: a service's slot template, a holiday's date, an
     *     account's username, a device's id
     * @param changes the settings it changed: a centre's profile members that differ from the
     *     definition before, an account's role, centres, disabled or password
     */
    public record Change(
            Instant at,
            String by,
            ChangeKind kind,
            @Nullable String centreId,
            @Nullable String subject,
            List<String> changes) {}

    /** Every change, the latest first; only those of one centre when {@code centreId} is given. Blocking. */
    public List<Change> changes(@Nullable String centreId) {
        List<Change> changes = new ArrayList<>();
        List<String> centres = centreId != null
                ? List.of(centreId)
                : catalog.all().stream().map(CentreProfile::centreId).toList();
        for (String centre : centres) {
            centreChanges(centre, changes::add);
            read(CalendarMessages.calendarId(centre), event -> calendarChange(event, changes::add));
        }
        read(StaffDirectoryMessages.DIRECTORY, event -> directoryChange(event, changes::add));
        return changes.stream()
                .filter(c -> centreId == null || centreId.equals(c.centreId()))
                .sorted(Comparator.comparing(Change::at).reversed())
                .toList();
    }

    private void centreChanges(String centreId, Consumer<Change> out) {
        CentreProfile[] before = {null};
        read(centreId, event -> {
            if (event instanceof CentreDefined e) {
                out.accept(new Change(
                        e.at(),
                        e.definedBy(),
                        ChangeKind.CENTRE_DEFINED,
                        e.centreId(),
                        null,
                        changed(before[0], e.centreProfile())));
                before[0] = e.centreProfile();
            }
        });
    }

    private static void calendarChange(Object event, Consumer<Change> out) {
        if (event instanceof SlotTemplatePublished e) {
            out.accept(new Change(
                    e.at(), e.by(), ChangeKind.SLOT_TEMPLATE_PUBLISHED, e.centreId(), e.serviceCode(), List.of()));
        } else if (event instanceof HolidayDeclared e) {
            out.accept(new Change(
                    e.at(),
                    e.by(),
                    ChangeKind.HOLIDAY_DECLARED,
                    e.centreId(),
                    e.date().toString(),
                    List.of()));
        } else if (event instanceof HolidayLifted e) {
            out.accept(new Change(
                    e.at(),
                    e.by(),
                    ChangeKind.HOLIDAY_LIFTED,
                    e.centreId(),
                    e.date().toString(),
                    List.of()));
        }
    }

    private static void directoryChange(Object event, Consumer<Change> out) {
        if (event instanceof StaffAccountCreated e) {
            out.accept(new Change(
                    e.at(),
                    e.by(),
                    ChangeKind.STAFF_ACCOUNT_CREATED,
                    e.centres().size() == 1 ? e.centres().get(0) : null,
                    e.username(),
                    List.of("role", "centres")));
        } else if (event instanceof StaffAccountChanged e) {
            List<String> what = new ArrayList<>(List.of("role", "disabled", "centres"));
            if (e.passwordChanged()) {
                what.add("password");
            }
            out.accept(new Change(
                    e.at(),
                    e.by(),
                    ChangeKind.STAFF_ACCOUNT_CHANGED,
                    e.centres().size() == 1 ? e.centres().get(0) : null,
                    e.username(),
                    what));
        } else if (event instanceof DeviceTokenIssued e) {
            out.accept(new Change(
                    e.at(), e.by(), ChangeKind.DEVICE_TOKEN_ISSUED, e.centreId(), e.deviceId(), List.of("token")));
        } else if (event instanceof DeviceTokenRevoked e) {
            out.accept(new Change(
                    e.at(), e.by(), ChangeKind.DEVICE_TOKEN_REVOKED, e.centreId(), e.deviceId(), List.of("token")));
        }
    }

    /** The profile's members that differ from the one before (all of them for a first definition). */
    static List<String> changed(@Nullable CentreProfile before, CentreProfile after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : CentreProfile.class.getRecordComponents()) {
            try {
                Object now = component.getAccessor().invoke(after);
                Object then = before == null ? null : component.getAccessor().invoke(before);
                if (before == null || !Objects.equals(then, now)) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    private void read(String aggregateId, Consumer<Object> each) {
        // from sequence 0 on the storage engine: a snapshot is no record of the changes
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            each.accept(stream.next().getPayload());
        }
    }
}
