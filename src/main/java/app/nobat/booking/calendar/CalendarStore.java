package app.nobat.booking.calendar;

import app.nobat.booking.domain.CalendarMessages.HolidayDeclared;
import app.nobat.booking.domain.CalendarMessages.HolidayLifted;
import app.nobat.booking.domain.CalendarMessages.SlotTemplatePublished;
import app.nobat.booking.domain.SlotTemplate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read model of every centre's booking calendar: slot templates, declared and lifted holidays.
 * Written by replaying the calendar events; each write is idempotent.
 */
@ProcessingGroup(CalendarStore.PROCESSING_GROUP)
public class CalendarStore {

    public static final String PROCESSING_GROUP = "booking-calendar";

    private final MongoCollection<Document> calendars;
    private final ObjectMapper json;

    public CalendarStore(MongoDatabase database, ObjectMapper json) {
        this.calendars = database.getCollection("booking_calendars");
        this.json = json;
    }

    @EventHandler
    void on(SlotTemplatePublished e) throws JsonProcessingException {
        upsert(e.centreId(), Updates.set("templates." + e.serviceCode(),
                Document.parse(json.writeValueAsString(e.template()))));
    }

    @EventHandler
    void on(HolidayDeclared e) {
        upsert(e.centreId(), Updates.combine(Updates.set("declared." + e.date(), new Document(e.names())),
                Updates.unset("lifted." + e.date())));
    }

    @EventHandler
    void on(HolidayLifted e) {
        upsert(e.centreId(), Updates.combine(Updates.unset("declared." + e.date()),
                Updates.set("lifted." + e.date(), true)));
    }

    private void upsert(String centreId, org.bson.conversions.Bson update) {
        calendars.updateOne(Filters.eq("_id", centreId), update, new UpdateOptions().upsert(true));
    }

    public Optional<SlotTemplate> template(String centreId, String serviceCode) {
        Document doc = calendars.find(Filters.eq("_id", centreId)).first();
        Document templates = doc == null ? null : doc.get("templates", Document.class);
        Document template = templates == null ? null : templates.get(serviceCode, Document.class);
        if (template == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(template.toJson(), SlotTemplate.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The centre's own holiday names on {@code date}, the national ones unless lifted, else null. */
    public Map<String, String> holiday(String centreId, LocalDate date, NationalHolidays national) {
        Document doc = calendars.find(Filters.eq("_id", centreId)).first();
        Document declared = doc == null ? null : doc.get("declared", Document.class);
        Document lifted = doc == null ? null : doc.get("lifted", Document.class);
        if (declared != null && declared.containsKey(date.toString())) {
            Map<String, String> names = new TreeMap<>();
            declared.get(date.toString(), Document.class).forEach((k, v) -> names.put(k, String.valueOf(v)));
            return names;
        }
        if (lifted != null && lifted.containsKey(date.toString())) {
            return null;
        }
        return national.on(date);
    }

    /** The centre's own declarations and lifts, for the admin listing. */
    public Document raw(String centreId) {
        Document doc = calendars.find(Filters.eq("_id", centreId)).first();
        return doc == null ? new Document("_id", centreId) : doc;
    }
}
