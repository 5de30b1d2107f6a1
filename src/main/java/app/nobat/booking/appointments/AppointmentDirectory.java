package app.nobat.booking.appointments;

import app.nobat.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Where a booking code lives: code → day book. The day books are the truth (an appointment that
 * moved says where to); this index only finds the first one to ask, and keeps codes unique.
 * A move in progress is written here first, so a move cut short by a crash is finished later.
 */
public class AppointmentDirectory {

    public static final String COLLECTION = "appointment_codes";

    private final MongoCollection<Document> codes;

    public AppointmentDirectory(MongoDatabase database) {
        this.codes = database.getCollection(COLLECTION);
    }

    public record Move(String code, String from, String to, Instant since) {}

    /** @return false when the code is taken already */
    public boolean reserve(String code, String dayBookId) {
        return Inserts.insertIfAbsent(codes, new Document("_id", code).append("dayBookId", dayBookId));
    }

    public void forget(String code) {
        codes.deleteOne(Filters.eq("_id", code));
    }

    public Optional<String> locate(String code) {
        return Optional.ofNullable(codes.find(Filters.eq("_id", code)).first()).map(d -> d.getString("dayBookId"));
    }

    public void startMove(String code, String from, String to, Instant now) {
        codes.updateOne(
                Filters.eq("_id", code),
                Updates.set(
                        "moving", new Document("from", from).append("to", to).append("since", Date.from(now))));
    }

    /** Ends the move, pointing the code at {@code at}. */
    public void endMove(String code, String at) {
        codes.updateOne(
                Filters.eq("_id", code), Updates.combine(Updates.set("dayBookId", at), Updates.unset("moving")));
    }

    /** Moves begun before {@code before} and never ended. */
    public List<Move> unfinishedMoves(Instant before) {
        List<Move> moves = new ArrayList<>();
        codes.find(Filters.lt("moving.since", Date.from(before))).forEach(d -> {
            Document m = d.get("moving", Document.class);
            moves.add(new Move(
                    d.getString("_id"),
                    m.getString("from"),
                    m.getString("to"),
                    m.getDate("since").toInstant()));
        });
        return moves;
    }
}
