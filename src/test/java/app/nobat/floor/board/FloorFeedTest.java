package app.nobat.floor.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live feed: a snapshot for a new screen, every missed change for a resumed one, in bounded memory. */
class FloorFeedTest {

    final FloorFeed feed = new FloorFeed(id -> board(id, 0));

    static FloorBoard board(String centre, long sequence) {
        FloorBoard b = new FloorBoard();
        b.centreId = centre;
        b.floorId = centre + ":2026-12-07";
        b.day = "2026-12-07";
        b.lastSequence = sequence;
        return b;
    }

    void publish(int count) {
        for (int i = 1; i <= count; i++) {
            feed.publish("c", FloorChangeKind.CALL, Map.of("ticket", "A-" + i), board("c", i));
        }
    }

    @Test
    void aResumedScreenIsToldEveryChangeItMissedWithTheBoardAsItIsNow() {
        publish(10);
        String seen = feed.current("c").epoch() + "-4";
        publish(1_990); // 2,000 changes in all: the oldest the feed tells again is the first
        List<FloorChange> missed = feed.follow("c", seen)
                .take(Duration.ofMillis(300))
                .collectList()
                .block();

        assertThat(missed).hasSize(1_996);
        assertThat(missed).extracting(FloorChange::seq).startsWith(5L, 6L).endsWith(2_000L);
        assertThat(missed.get(0).detail()).isEqualTo(Map.of("ticket", "A-5"));
        assertThat(missed).allSatisfy(c -> assertThat(c.board().lastSequence).isEqualTo(1_990));
        assertThat(missed).extracting(FloorChange::kind).containsOnly(FloorChangeKind.CALL);
    }

    @Test
    void aScreenThatMissedMoreThanTheFeedKeepsStartsFromASnapshot() {
        publish(FloorFeed.RETAINED + 5);
        String tooOld = feed.current("c").epoch() + "-3";
        List<FloorChange> got = feed.follow("c", tooOld)
                .take(Duration.ofMillis(300))
                .collectList()
                .block();

        assertThat(got).hasSize(1);
        assertThat(got.get(0).kind()).isEqualTo(FloorChangeKind.SNAPSHOT);
        assertThat(got.get(0).seq()).isEqualTo(FloorFeed.RETAINED + 5);
    }

    @Test
    void aNewScreenGetsTheSnapshotAndThenEveryLaterChangeWithItsOwnBoard() {
        publish(100);
        var later = feed.follow("c", null).take(3).collectList().toFuture();
        publish(2);

        List<FloorChange> got = later.join();
        assertThat(got)
                .extracting(FloorChange::kind)
                .containsExactly(FloorChangeKind.SNAPSHOT, FloorChangeKind.CALL, FloorChangeKind.CALL);
        assertThat(got).extracting(c -> c.board().lastSequence).containsExactly(100L, 1L, 2L);
        assertThat(got).extracting(FloorChange::seq).containsExactly(100L, 101L, 102L);
    }

    @Test
    void anEventIdOfAnotherNodeOrRunIsNotResumed() {
        publish(5);
        List<FloorChange> got = feed.follow("c", "otherrun-3")
                .take(Duration.ofMillis(200))
                .collectList()
                .block();
        assertThat(got).extracting(FloorChange::kind).containsExactly(FloorChangeKind.SNAPSHOT);
    }
}
