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
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

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
        upsert(
                e.centreId(),
                Updates.set("templates." + e.serviceCode(), Document.parse(json.writeValueAsString(e.slotTemplate()))));
    }

    @EventHandler
    void on(HolidayDeclared e) {
        upsert(
                e.centreId(),
                Updates.combine(
                        Updates.set("declared." + e.date(), new Document(e.names())),
                        Updates.unset("lifted." + e.date())));
    }

    @EventHandler
    void on(HolidayLifted e) {
        upsert(
                e.centreId(),
                Updates.combine(Updates.unset("declared." + e.date()), Updates.set("lifted." + e.date(), true)));
    }

    private void upsert(String centreId, Bson update) {
        calendars.updateOne(Filters.eq("_id", centreId), update, new UpdateOptions().upsert(true));
    }

    public Optional<SlotTemplate> template(String centreId, String serviceCode) {
        return template(raw(centreId), serviceCode);
    }

    /** A service's template in a calendar document read by {@link #raw}. */
    public Optional<SlotTemplate> template(Document calendar, String serviceCode) {
        Document templates = calendar.get("templates", Document.class);
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

    /**
     * The holiday's names on {@code date} in a calendar document read by {@link #raw}: the centre's
     * own, the national ones unless lifted, else null.
     */
    public static Map<String, String> holiday(Document calendar, LocalDate date, NationalHolidays national) {
        Document declared = calendar.get("declared", Document.class);
        Document lifted = calendar.get("lifted", Document.class);
        if (declared != null && declared.containsKey(date.toString())) {
            return names(declared.get(date.toString(), Document.class));
        }
        if (lifted != null && lifted.containsKey(date.toString())) {
            return null;
        }
        return national.on(date);
    }

    /** A holiday's names by language, as stored. */
    public static Map<String, String> names(Document stored) {
        Map<String, String> names = new TreeMap<>();
        stored.forEach((k, v) -> names.put(k, String.valueOf(v)));
        return names;
    }

    /** The centre's calendar document (templates, declared and lifted holidays), empty when it has none. */
    public Document raw(String centreId) {
        Document doc = calendars.find(Filters.eq("_id", centreId)).first();
        return doc == null ? new Document("_id", centreId) : doc;
    }
}
