package app.nobat.floor.board;

import app.nobat.floor.board.FloorBoard.VisitView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Stores boards (one document per floor), visit records with their timelines (one per visit) and
 * the tracking-token index. Every read is by key, which both the embedded store and MongoDB
 * answer from a unique index.
 */
public class FloorBoardRepository {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> boards;
    private final MongoCollection<Document> visits;
    private final MongoCollection<Document> tokens;
    private final ObjectMapper json;

    public FloorBoardRepository(MongoDatabase database, ObjectMapper json) {
        this.boards = database.getCollection("floor_boards");
        this.visits = database.getCollection("floor_visits");
        this.tokens = database.getCollection("tracking_tokens");
        this.json = json;
        // a supervisor finds a visit by the ticket a visitor holds, within the day's records
        visits.createIndex(Indexes.ascending("floorId", "visit.ticket"));
        // a floor starting its day reads the centre's latest days
        boards.createIndex(Indexes.ascending("centreId", "day"));
    }

    /**
     * Each service's mean desk time in minutes over the centre's last {@code days} days before
     * {@code day} that served it (every visit of those days weighs alike); from the boards' day totals.
     */
    public Map<String, Double> earlierDeskMinutes(String centreId, LocalDate day, int days) {
        DeskTimeTotals totals = new DeskTimeTotals();
        boards.find(Filters.and(Filters.eq("centreId", centreId), Filters.lt("day", day.toString())))
                .sort(Sorts.descending("day"))
                .limit(days)
                .projection(Projections.include("board.stats"))
                .forEach(d -> {
                    Document stats = d.get("board", Document.class).get("stats", Document.class);
                    if (stats == null) {
                        return;
                    }
                    stats.forEach((service, value) -> {
                        Document s = (Document) value;
                        totals.add(
                                service,
                                ((Number) s.getOrDefault("deskMillis", 0L)).longValue(),
                                ((Number) s.getOrDefault("deskVisits", 0)).longValue());
                    });
                });
        return totals.meanMinutes();
    }

    public Optional<FloorBoard> board(String floorId) {
        Document doc = boards.find(Filters.eq("_id", floorId)).first();
        return Optional.ofNullable(doc).map(d -> read(d.get("board", Document.class), FloorBoard.class));
    }

    public void save(FloorBoard board) {
        Document doc = new Document("_id", board.floorId)
                .append("centreId", board.centreId)
                .append("day", board.day)
                .append("closed", board.closed)
                .append("board", write(board));
        boards.replaceOne(Filters.eq("_id", board.floorId), doc, UPSERT);
    }

    public Optional<VisitView> visit(String visitId) {
        Document doc = visits.find(Filters.eq("_id", visitId)).first();
        return Optional.ofNullable(doc).map(d -> read(d.get("visit", Document.class), VisitView.class));
    }

    public void save(String floorId, VisitView visit) {
        Document doc =
                new Document("_id", visit.visitId).append("floorId", floorId).append("visit", write(visit));
        visits.replaceOne(Filters.eq("_id", visit.visitId), doc, UPSERT);
        if (visit.trackingToken != null) {
            tokens.replaceOne(
                    Filters.eq("_id", visit.trackingToken),
                    new Document("_id", visit.trackingToken).append("visitId", visit.visitId),
                    UPSERT);
        }
    }

    /**
     * A day's visit by the ticket a visitor holds: its ticket now, or one it had before a transfer
     * (the timeline keeps each step's ticket). The latest such visit when a number came back.
     */
    public Optional<VisitView> visitByTicket(String floorId, String ticket) {
        List<VisitView> found = new ArrayList<>();
        visits.find(Filters.and(
                        Filters.eq("floorId", floorId),
                        Filters.or(Filters.eq("visit.ticket", ticket), Filters.eq("visit.timeline.ticket", ticket))))
                .forEach(d -> found.add(read(d.get("visit", Document.class), VisitView.class)));
        return found.stream()
                .filter(v -> v.ticket.equals(ticket))
                .findFirst()
                .or(() -> found.stream().max(Comparator.comparing(v -> v.arrivedAt)));
    }

    /** The latest visit a tracking token follows (a carried-over visit takes over its token). */
    public Optional<String> visitIdForToken(String token) {
        Document doc = tokens.find(Filters.eq("_id", token)).first();
        return Optional.ofNullable(doc).map(d -> d.getString("visitId"));
    }

    /** Ids of floors not closed yet; a small set (today's, and any day the closing was missed). */
    public List<String> openFloorIds() {
        List<String> ids = new ArrayList<>();
        boards.find(Filters.eq("closed", false))
                .projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** Forgets every board, visit record and token: a replay from the start writes them again. */
    public void deleteAll() {
        tokens.deleteMany(new Document());
        visits.deleteMany(new Document());
        boards.deleteMany(new Document());
    }

    private Document write(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write read model", e);
        }
    }

    private <T> T read(Document doc, Class<T> type) {
        try {
            return json.readValue(doc.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read read model " + type.getSimpleName(), e);
        }
    }
}
