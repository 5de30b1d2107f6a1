package app.nobat.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The processors' readiness: the worst processor decides; an unknown head leaves only errors to count. */
class EventProcessorHealthTest {

    final EventProcessorHealth health =
            new EventProcessorHealth(new ProcessorLag(() -> null, 1000), Duration.ofSeconds(1));

    static ProcessorLag.State up(String name, long lag) {
        return new ProcessorLag.State(name, Status.UP, lag, 1, null, null);
    }

    @Test
    void upWhileEveryProcessorKeepsUp() {
        Health answer = health.health(OptionalLong.of(5000), List.of(up("floor-board", 0), up("floor-feed", 1000)));
        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails()).containsEntry("head", 5000L).containsEntry("lagLimit", 1000L);
        assertThat(answer.getDetails().get("processors"))
                .isEqualTo(Map.of(
                        "floor-board", Map.of("status", "UP", "lag", 0L, "segments", 1),
                        "floor-feed", Map.of("status", "UP", "lag", 1000L, "segments", 1)));
    }

    @Test
    void outOfServiceWhenOneIsFarBehindAndDownWhenOneIsInError() {
        ProcessorLag.State behind =
                new ProcessorLag.State("floor-feed", Status.OUT_OF_SERVICE, 1001L, 1, "behind", null);
        ProcessorLag.State failing =
                new ProcessorLag.State("floor-board", Status.DOWN, 3L, 1, "error", "MongoTimeoutException");
        assertThat(health.health(OptionalLong.of(5000), List.of(up("carry-over", 0), behind))
                        .getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        Health down = health.health(OptionalLong.of(5000), List.of(behind, failing));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(((Map<?, ?>) down.getDetails().get("processors")).get("floor-board"))
                .isEqualTo(Map.of(
                        "status",
                        "DOWN",
                        "lag",
                        3L,
                        "segments",
                        1,
                        "problem",
                        "error",
                        "error",
                        "MongoTimeoutException"));
    }

    @Test
    void unknownWhenTheStoresHeadCannotBeRead() {
        assertThat(health.health(OptionalLong.empty(), List.of(up("floor-board", 0)))
                        .getStatus())
                .isEqualTo(Status.UNKNOWN);
        ProcessorLag.State failing = new ProcessorLag.State("floor-board", Status.DOWN, null, 1, "error", "X");
        assertThat(health.health(OptionalLong.empty(), List.of(failing)).getStatus())
                .isEqualTo(Status.DOWN);
    }
}
