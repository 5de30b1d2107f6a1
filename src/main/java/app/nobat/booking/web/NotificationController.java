package app.nobat.booking.web;

import app.nobat.booking.notify.DeliveryState;
import app.nobat.booking.notify.MessageKind;
import app.nobat.booking.notify.MessageTemplates;
import app.nobat.booking.notify.MessageTemplates.Template;
import app.nobat.booking.notify.NotificationOutbox;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import app.nobat.platform.sms.SmsGateway;
import app.nobat.platform.web.Acting;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The visitors' messages: their texts (administrators) and how today's went (supervisors). */
@RestController
@Tag(name = "notifications", description = "Texts of the visitors' SMS and how their sending went")
public class NotificationController {

    private final MessageTemplates templates;
    private final NotificationOutbox outbox;
    private final CentreCatalog catalog;
    private final SmsGateway gateway;
    private final Clock clock;

    public NotificationController(
            MessageTemplates templates,
            NotificationOutbox outbox,
            CentreCatalog catalog,
            SmsGateway gateway,
            Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.catalog = catalog;
        this.gateway = gateway;
        this.clock = clock;
    }

    public record TemplateText(String text) {}

    public record TemplatesResponse(List<Template> templates, Map<String, List<String>> placeholders) {}

    /**
     * @param counts messages owed today by state (SENT, FAILED, GAVE_UP, UNKNOWN, RATE_LIMITED,
     *     NO_CONTACT, and PENDING/SENDING while under way)
     * @param delivered how many of the sent ones a delivery receipt confirmed
     */
    public record NotificationCountsResponse(
            String centreId, LocalDate date, String gateway, Map<String, Long> counts, long delivered) {}

    @GetMapping("/api/admin/notification-templates")
    @Operation(summary = "Every message text per language and kind, with its placeholders and shipped default")
    public Mono<TemplatesResponse> templates() {
        return Blocking.call(() -> {
            Map<String, List<String>> placeholders = new LinkedHashMap<>();
            for (MessageKind kind : MessageKind.values()) {
                placeholders.put(kind.key(), kind.placeholders());
            }
            return new TemplatesResponse(templates.all(), placeholders);
        });
    }

    @PutMapping("/api/admin/notification-templates/{language}/{kind}")
    @Operation(summary = "Replace one message text (only its kind's placeholders, at most 400 characters)")
    public Mono<Template> save(
            @PathVariable String language, @PathVariable String kind, @RequestBody TemplateText body) {
        if (body == null) {
            throw CommonRefusal.REQUIRED.at("/text", "member", "text");
        }
        return Blocking.call(() -> templates.save(language, kind, body.text(), Acting.id(), clock.instant()));
    }

    @DeleteMapping("/api/admin/notification-templates/{language}/{kind}")
    @Operation(summary = "Go back to the shipped text of one message")
    public Mono<Template> reset(@PathVariable String language, @PathVariable String kind) {
        return Blocking.call(() -> templates.reset(language, kind));
    }

    @GetMapping("/api/centres/{centreId}/notifications")
    @Operation(summary = "Today's visitor messages of a centre by how their sending went (counts only)")
    public Mono<NotificationCountsResponse> counts(@PathVariable String centreId) {
        return Blocking.call(() -> {
            CentreProfile centre = catalog.get(centreId);
            ZoneId zone = ZoneId.of(centre.timeZone());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Instant since = today.atStartOfDay(zone).toInstant();
            NotificationOutbox.Counts counts = outbox.counts(centreId, since);
            Map<String, Long> byState = new LinkedHashMap<>();
            for (DeliveryState s : DeliveryState.values()) {
                byState.put(s.name(), counts.byState().get(s));
            }
            return new NotificationCountsResponse(centreId, today, gateway.name(), byState, counts.delivered());
        });
    }
}
