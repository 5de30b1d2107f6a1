package app.nobat.reports.store;

import app.nobat.reports.domain.DayStatistics;
import app.nobat.reports.domain.DayStatistics.OpenVisit;
import app.nobat.reports.domain.Tally;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The statistics records, one document per centre and day ({@code report_days}, id
 * {@code centreId:yyyy-MM-dd}), read by key only. Ids that may hold a dot (staff ids) are written as
 * values, never as field names: rows, open visits and sequences are lists.
 */
public class ReportStore {

    public static final String COLLECTION = "report_days";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> days;
    private final ObjectMapper json;

    public ReportStore(MongoDatabase database, ObjectMapper json) {
        this.days = database.getCollection(COLLECTION);
        this.json = json;
    }

    public Optional<DayStatistics> find(String id) {
        return Optional.ofNullable(days.find(Filters.eq("_id", id)).first()).map(this::read);
    }

    /** The records of these ids that exist, in no particular order. */
    public List<DayStatistics> findAll(List<String> ids) {
        List<DayStatistics> found = new ArrayList<>();
        days.find(Filters.in("_id", ids)).forEach(d -> found.add(read(d)));
        return found;
    }

    public void save(DayStatistics day) {
        days.replaceOne(Filters.eq("_id", day.id()), write(day), UPSERT);
    }

    /** Every record as stored, by id: what a replay must give again. */
    public Map<String, Document> dump() {
        Map<String, Document> all = new TreeMap<>();
        days.find().forEach(d -> all.put(d.getString("_id"), d));
        return all;
    }

    public void deleteAll() {
        days.deleteMany(new Document());
    }

    Document write(DayStatistics day) {
        List<Document> rows = new ArrayList<>();
        day.groups.forEach((grouping, byKey) ->
                byKey.forEach((key, tally) -> rows.add(new Document("grouping", grouping)
                        .append("key", key)
                        .append("tally", new Document(json.convertValue(tally, Map.class))))));
        List<Document> open = new ArrayList<>();
        day.open.forEach((visitId, v) -> open.add(new Document("visitId", visitId)
                .append("service", v.service)
                .append("queuedAt", v.queuedAt)
                .append("waitCounted", v.waitCounted)
                .append("deskId", v.deskId)
                .append("startedAt", v.startedAt)));
        List<Document> sequences = new ArrayList<>();
        day.lastSequences.forEach((id, seq) -> sequences.add(new Document("id", id).append("seq", seq)));
        List<Document> staff = new ArrayList<>();
        day.deskStaff.forEach((desk, s) -> staff.add(new Document("deskId", desk).append("staffId", s)));
        return new Document("_id", day.id())
                .append("centreId", day.centreId)
                .append("day", day.day)
                .append("timeZone", day.timeZone)
                .append("lastSequences", sequences)
                .append("rows", rows)
                .append("open", open)
                .append("deskStaff", staff);
    }

    DayStatistics read(Document doc) {
        DayStatistics day = new DayStatistics(doc.getString("centreId"), doc.getString("day"));
        day.timeZone = doc.getString("timeZone");
        for (Document s : doc.getList("lastSequences", Document.class)) {
            day.lastSequences.put(s.getString("id"), ((Number) s.get("seq")).longValue());
        }
        for (Document r : doc.getList("rows", Document.class)) {
            Tally tally = json.convertValue(r.get("tally", Document.class), Tally.class);
            day.groups
                    .computeIfAbsent(r.getString("grouping"), g -> new TreeMap<>())
                    .put(r.getString("key"), tally);
        }
        for (Document o : doc.getList("open", Document.class)) {
            OpenVisit v = new OpenVisit();
            v.service = o.getString("service");
            v.queuedAt = ((Number) o.get("queuedAt")).longValue();
            v.waitCounted = o.getBoolean("waitCounted");
            v.deskId = o.getString("deskId");
            Number started = (Number) o.get("startedAt");
            v.startedAt = started == null ? null : started.longValue();
            day.open.put(o.getString("visitId"), v);
        }
        for (Document s : doc.getList("deskStaff", Document.class)) {
            day.deskStaff.put(s.getString("deskId"), s.getString("staffId"));
        }
        return day;
    }
}
