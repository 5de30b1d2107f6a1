package app.nobat.planning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.floor.domain.VisitStatus;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Days played through the real floor: a seed fixes the day, and every visitor's visit ends. */
class DaySimulatorTest {

    static DayProfile small() throws IOException {
        try (InputStream in = DaySimulatorTest.class.getResourceAsStream("/simulation/small-day.json")) {
            return DayProfile.read(in);
        }
    }

    static DaySimulator simulator() throws IOException {
        return DaySimulator.forProfile(small(), List.of(new TodaysFormula(), new NewEstimator()));
    }

    @Test
    void theSameSeedPlaysTheSameDayAndAnotherSeedAnotherDay() throws IOException {
        DaySimulator simulator = simulator();
        DayResult first = simulator.play(7);
        DayResult again = simulator.play(7);
        DayResult other = simulator.play(8);

        // every visit's record: times, outcome, desk, position and the estimate shown at arrival
        assertThat(again.visits()).isEqualTo(first.visits());
        assertThat(again.later()).isEqualTo(first.later());
        assertThat(again.desks()).isEqualTo(first.desks());
        assertThat(other.visits()).isNotEqualTo(first.visits());
        assertThat(other.visits().stream().map(VisitRecord::arrivedAt).toList())
                .as("another seed draws other arrivals")
                .isNotEqualTo(
                        first.visits().stream().map(VisitRecord::arrivedAt).toList());
    }

    @Test
    void aSmallDayPlaysThroughAndEveryVisitIsServedOrANoShow() throws IOException {
        DayResult day = simulator().play(3);

        assertThat(day.visits()).hasSizeGreaterThan(40);
        assertThat(day.visits()).allSatisfy(v -> {
            assertThat(v.outcome()).isIn(VisitStatus.COMPLETED, VisitStatus.NO_SHOW);
            assertThat(v.calledAt()).isAfterOrEqualTo(v.arrivedAt());
            assertThat(v.endedAt()).isAfter(v.calledAt());
            assertThat(v.shownAtArrival()).containsOnlyKeys("today", "new");
            assertThat(v.positionAtArrival()).isPositive();
        });
        assertThat(day.visits())
                .filteredOn(v -> v.outcome() == VisitStatus.COMPLETED)
                .allSatisfy(v -> assertThat(v.startedAt()).isAfter(v.calledAt()).isBefore(v.endedAt()));
        assertThat(day.visits())
                .filteredOn(v -> v.outcome() == VisitStatus.NO_SHOW)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.startedAt()).isNull());
        // the day's mix: priority classes, appointments and the queue at the door all came
        assertThat(day.visits()).anyMatch(v -> v.priorityClass().isPriority());
        assertThat(day.visits()).anyMatch(VisitRecord::appointment);
        assertThat(day.visits()).filteredOn(VisitRecord::openingQueue).hasSize(5);
        // each desk served only what it opened with
        Map<String, Set<String>> servedAt = day.visits().stream()
                .collect(Collectors.groupingBy(
                        VisitRecord::deskId, Collectors.mapping(VisitRecord::serviceCode, Collectors.toSet())));
        assertThat(servedAt.get("desk-4")).containsExactly("identity");
        assertThat(servedAt.get("desk-8")).containsExactly("health");
        assertThat(servedAt.get("desk-1")).isSubsetOf("residence", "identity");
        assertThat(day.later()).isNotEmpty();
        assertThat(day.desks().get("desk-1").busyTotal()).isPositive();
    }

    @Test
    void theScorecardCountsTheDaysVisits() throws IOException {
        DaySimulator simulator = simulator();
        List<DayResult> days = List.of(simulator.play(1), simulator.play(2));
        Scorecard card = Scorecard.of(days, SimulatedCentre.seeded("persian-gulf"));

        int visits = days.stream().mapToInt(d -> d.visits().size()).sum();
        assertThat(card.overall().called()).isEqualTo(visits);
        assertThat(card.rows()).extracting(Scorecard.Row::service).containsExactly("health", "identity", "residence");
        assertThat(card.rows().stream().mapToInt(Scorecard.Row::called).sum()).isEqualTo(visits);
        assertThat(card.overall().utilisation()).isBetween(0.0, 1.0);
        assertThat(card.overall().accuracy())
                .extracting(Scorecard.Accuracy::estimator)
                .containsExactly("today", "new");
        assertThat(card.overall().accuracy())
                .allSatisfy(a -> assertThat(a.mae()).isPositive());
        assertThat(card.table("small")).contains("overall", "today", "new", "residence");
    }

    @Test
    void theBenchProfilesFitTheDemoCentre() throws IOException {
        SimulatedCentre centre = SimulatedCentre.seeded("persian-gulf");
        for (String name : List.of("quiet", "normal", "rush")) {
            DayProfile profile = DayProfile.read(Path.of("bench", "profiles", name + ".json"));
            assertThat(profile.name()).isEqualTo(name);
            assertThat(profile.centre()).isEqualTo("persian-gulf");
            assertThat(profile.services()).containsOnlyKeys(centre.settings().serviceCodes());
            // the constructor refuses a service or desk the centre does not have
            new DaySimulator(centre, profile, List.of());
        }
        DayProfile normal = DayProfile.read(Path.of("bench", "profiles", "normal.json"));
        assertThat(normal.desks()).extracting(DayProfile.DeskPlan::desk).hasSize(8);
    }

    @Test
    void aProfileWithAnUnknownFieldIsRefused() {
        String json = """
                {"name": "x", "opens": "08:00", "closes": "09:00", "arrivals": 3}
                """;
        assertThatThrownBy(() -> DayProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
