package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.nobat.eventstore.EmbeddedMongo;
import app.nobat.floor.board.FloorBoard.ServiceStats;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A floor starts from the desk times of its centre's latest stored days before it, each visit weighing alike. */
class EarlierDeskMinutesTest {

    final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    final FloorBoardRepository boards =
            new FloorBoardRepository(mongo.database(), new ObjectMapper().registerModule(new JavaTimeModule()));

    @AfterEach
    void close() {
        mongo.close();
    }

    /** A stored board of the day with, per service, this many visits of these minutes each at a desk. */
    void day(String centre, String day, Map<String, double[]> visitsAndMinutes) {
        FloorBoard board = new FloorBoard();
        board.floorId = centre + ":" + day;
        board.centreId = centre;
        board.day = day;
        board.closed = true;
        visitsAndMinutes.forEach((service, v) -> {
            ServiceStats s = new ServiceStats();
            s.deskVisits = (int) v[0];
            s.deskMillis = Math.round(v[0] * v[1] * 60_000);
            board.stats.put(service, s);
        });
        boards.save(board);
    }

    @Test
    void theLatestDaysBeforeTheFloorsOwnOfTheSameCentre() {
        day("gulf", "2026-11-28", Map.of("res", new double[] {100, 20})); // older than the three latest
        day("gulf", "2026-11-29", Map.of("res", new double[] {30, 10}, "doc", new double[] {0, 0}));
        day("gulf", "2026-11-30", Map.of("res", new double[] {10, 6}));
        day("gulf", "2026-12-01", Map.of("res", new double[] {10, 14}, "doc", new double[] {4, 3}));
        day("gulf", "2026-12-02", Map.of("res", new double[] {50, 1})); // the day itself
        day("other", "2026-12-01", Map.of("res", new double[] {50, 1}));

        Map<String, Double> minutes = boards.earlierDeskMinutes("gulf", LocalDate.parse("2026-12-02"), 3);

        // (30·10 + 10·6 + 10·14) / 50 = 10; "doc" from its one day with visits
        assertThat(minutes).containsOnlyKeys("res", "doc");
        assertThat(minutes.get("res")).isCloseTo(10.0, within(1e-9));
        assertThat(minutes.get("doc")).isCloseTo(3.0, within(1e-9));
        assertThat(boards.earlierDeskMinutes("gulf", LocalDate.parse("2026-11-28"), 3))
                .as("a centre's first day")
                .isEmpty();
    }
}
