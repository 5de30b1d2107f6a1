package app.nobat.planning.observed;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.planning.domain.FloorObservations;
import app.nobat.planning.domain.FloorObservations.DeskSpell;
import app.nobat.planning.domain.FloorObservations.QueueEntry;
import app.nobat.planning.domain.FloorObservations.ServiceSpan;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A floor's events folded into queue entries, services from start to end, and desks' serving spells. */
class FloorLogTest {

    static final String F = "c:2026-03-01";

    static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + ":00Z");
    }

    static VisitArrived arrived(String visit, String service, String time) {
        return new VisitArrived(
                F, visit, null, service, "R-001", 1, PriorityClass.NONE, null, "t-" + visit, at(time), null, at(time));
    }

    static FloorLog fold(FloorEvent... events) {
        FloorLog log = new FloorLog(F);
        for (int i = 0; i < events.length; i++) {
            log.apply(events[i], i);
        }
        return log;
    }

    @Test
    void arrivalsTransfersAndServicesAreCountedByTheirService() {
        FloorObservations day = fold(
                        FloorStarted.of(F, "c", "2026-03-01", null, at("08:00")),
                        arrived("v1", "residence", "08:05"),
                        arrived("v2", "residence", "08:06"),
                        new ServiceStarted(F, "d1", "v1", at("08:10")),
                        new VisitTransferred(F, "d1", "v1", "residence", "health", "H-001", 1, at("08:22")),
                        new ServiceStarted(F, "d2", "v1", at("08:30")),
                        new VisitCompleted(F, "d2", "v1", at("08:36")),
                        new ServiceStarted(F, "d1", "v2", at("08:40")),
                        new VisitCancelled(F, "d1", "v2", "left", at("08:41")))
                .observations();
        assertThat(day.opened()).isEqualTo(at("08:00"));
        assertThat(day.entries())
                .containsExactly(
                        new QueueEntry("residence", at("08:05")),
                        new QueueEntry("residence", at("08:06")),
                        new QueueEntry("health", at("08:22")));
        // the transfer ends residence's service; a cancelled one is no service a desk finished
        assertThat(day.spans())
                .containsExactly(
                        new ServiceSpan("residence", at("08:10"), at("08:22")),
                        new ServiceSpan("health", at("08:30"), at("08:36")));
    }

    @Test
    void aDeskServesWhileOpenAndNotPaused() {
        FloorLog log = fold(
                FloorStarted.of(F, "c", "2026-03-01", null, at("08:00")),
                new DeskOpened(F, "d1", Set.of("residence", "identity"), "clerk", at("08:00")),
                new DeskPaused(F, "d1", at("09:00"), "lunch"),
                new DeskResumed(F, "d1", at("09:30")),
                new DeskOpened(F, "d2", Set.of("health"), "clerk2", at("08:15")),
                new DeskClosed(F, "d2", at("10:00")));
        assertThat(log.observations().spells())
                .containsExactlyInAnyOrder(
                        new DeskSpell("d1", Set.of("residence", "identity"), at("08:00"), at("09:00")),
                        new DeskSpell("d2", Set.of("health"), at("08:15"), at("10:00")),
                        new DeskSpell("d1", Set.of("residence", "identity"), at("09:30"), null));
        log.apply(new FloorClosed(F, null, List.of(), at("14:30")), 6);
        assertThat(log.observations().spells())
                .contains(new DeskSpell("d1", Set.of("residence", "identity"), at("09:30"), at("14:30")))
                .allMatch(s -> s.until() != null);
    }

    @Test
    void anEventSeenBeforeIsIgnored() {
        FloorLog log =
                fold(FloorStarted.of(F, "c", "2026-03-01", null, at("08:00")), arrived("v1", "residence", "08:05"));
        log.apply(arrived("v1", "residence", "08:05"), 1);
        assertThat(log.observations().entries()).hasSize(1);
        assertThat(log.nextSequence()).isEqualTo(2);
    }
}
