package app.nobat.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.nobat.common.InvalidInput;
import app.nobat.planning.domain.FloorObservations.DeskSpell;
import app.nobat.planning.domain.FloorObservations.QueueEntry;
import app.nobat.planning.domain.FloorObservations.ServiceSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Staffing advice on a day built by hand: rates, service times and desks per hour, and Erlang C on them. */
class ObservedStaffingTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant OPENED = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-01T10:30:00Z");

    static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + ":00Z");
    }

    /** {@code count} arrivals spread evenly from {@code start} over {@code minutes}. */
    static List<QueueEntry> arrivals(String service, String start, int count, int minutes) {
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new QueueEntry(service, at(start).plusMillis(i * minutes * 60_000L / count)));
        }
        return entries;
    }

    /** {@code count} services of {@code minutes} each, ending one a minute from {@code firstEnd}. */
    static List<ServiceSpan> services(String service, String firstEnd, int count, double minutes) {
        List<ServiceSpan> spans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant end = at(firstEnd).plus(Duration.ofMinutes(i));
            spans.add(new ServiceSpan(service, end.minusMillis((long) (minutes * 60_000)), end));
        }
        return spans;
    }

    static List<DeskSpell> desks(int count, Set<String> services, Instant from, Instant until) {
        List<DeskSpell> spells = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            spells.add(new DeskSpell("d" + i, services, from, until));
        }
        return spells;
    }

    static FloorStaffing.Hour hour(FloorStaffing staffing, String service, String hour) {
        return staffing.services().stream()
                .filter(s -> s.serviceCode().equals(service))
                .flatMap(s -> s.hours().stream())
                .filter(h -> h.hour().equals(hour) && !h.current())
                .findFirst()
                .orElseThrow();
    }

    static FloorStaffing.Hour current(FloorStaffing staffing, String service) {
        return staffing.services().stream()
                .filter(s -> s.serviceCode().equals(service))
                .findFirst()
                .orElseThrow()
                .current();
    }

    /**
     * 60 arrivals in the 09 hour at 12 minutes each are 12 Erlangs: 15 desks keep 80 % within 5
     * minutes (14 serve only 0.79 within it; StaffingTest), and the hour had 10.
     */
    @Test
    void twelveErlangsObservedInAnHourNeedFifteenDesksForFiveMinutes() {
        FloorObservations day = new FloorObservations(
                OPENED,
                arrivals("residence", "09:00", 60, 60),
                services("residence", "09:10", 5, 12),
                desks(10, Set.of("residence"), OPENED, null));
        FloorStaffing staffing =
                ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 5, 5)), UTC, NOW, 0.8);

        FloorStaffing.Hour nine = hour(staffing, "residence", "09");
        assertThat(nine.from()).isEqualTo(at("09:00"));
        assertThat(nine.until()).isEqualTo(at("10:00"));
        assertThat(nine.arrivals()).isEqualTo(60);
        assertThat(nine.arrivalsPerHour()).isCloseTo(60, within(1e-9));
        assertThat(nine.servicesEnded()).isEqualTo(5);
        assertThat(nine.serviceTimeBasis()).isEqualTo(ServiceTimeBasis.HOUR);
        assertThat(nine.meanServiceMinutes()).isCloseTo(12, within(1e-9));
        assertThat(nine.offeredLoad()).isCloseTo(12, within(1e-9));
        assertThat(nine.meanDesksServing()).isCloseTo(10, within(1e-9));
        assertThat(nine.desksServingNow()).isNull();
        assertThat(nine.desksNeeded()).isEqualTo(15);
        assertThat(nine.understaffed()).isTrue();
    }

    /** The same hour within 20 minutes needs 13 desks; 95 % within 5 minutes needs 16. */
    @Test
    void theShareAndTheTargetChangeTheAnswer() {
        FloorObservations day = new FloorObservations(
                OPENED, arrivals("residence", "09:00", 60, 60), services("residence", "09:10", 5, 12), List.of());
        int byFive = hour(
                        ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 5, 5)), UTC, NOW, 0.8),
                        "residence",
                        "09")
                .desksNeeded();
        int byTwenty = hour(
                        ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, 0.8),
                        "residence",
                        "09")
                .desksNeeded();
        int mostByFive = hour(
                        ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 5, 5)), UTC, NOW, 0.95),
                        "residence",
                        "09")
                .desksNeeded();
        assertThat(byFive).isEqualTo(15);
        assertThat(byTwenty).isEqualTo(13);
        assertThat(mostByFive).isEqualTo(16);
    }

    @Test
    void anHourWithoutArrivalsNeedsNoDesk() {
        FloorObservations day =
                new FloorObservations(OPENED, arrivals("residence", "09:00", 30, 60), List.of(), List.of());
        FloorStaffing staffing =
                ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, 0.8);
        FloorStaffing.Hour eight = hour(staffing, "residence", "08");
        assertThat(eight.arrivals()).isZero();
        assertThat(eight.arrivalsPerHour()).isZero();
        assertThat(eight.offeredLoad()).isZero();
        assertThat(eight.desksNeeded()).isZero();
        assertThat(eight.meanDesksServing()).isZero();
        assertThat(eight.understaffed()).isFalse();
        // and a floor that has not started today: only the current hour, nothing needed
        FloorStaffing quiet = ObservedStaffing.advise(
                FloorObservations.none(), List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, 0.8);
        assertThat(quiet.currentHour()).isEqualTo("10");
        assertThat(quiet.services().get(0).hours()).hasSize(1);
        assertThat(current(quiet, "residence").desksNeeded()).isZero();
        assertThat(current(quiet, "residence").desksServingNow()).isZero();
        assertThat(current(quiet, "residence").serviceTimeBasis()).isEqualTo(ServiceTimeBasis.DEFAULT);
        assertThat(current(quiet, "residence").meanServiceMinutes()).isEqualTo(5);
    }

    /** The hours from the floor's start, the first from the start itself, and the last 60 minutes as now. */
    @Test
    void pastHoursAreClockHoursAndTheCurrentOneIsTheLastSixtyMinutes() {
        Instant opened = at("08:30");
        FloorObservations day = new FloorObservations(
                opened,
                List.of(
                        new QueueEntry("residence", at("08:40")),
                        new QueueEntry("residence", at("09:45")),
                        new QueueEntry("residence", at("10:15"))),
                List.of(),
                List.of());
        FloorStaffing staffing =
                ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, 0.8);
        List<FloorStaffing.Hour> hours = staffing.services().get(0).hours();
        assertThat(hours).extracting(FloorStaffing.Hour::hour).containsExactly("08", "09", "10");
        assertThat(hours).extracting(FloorStaffing.Hour::current).containsExactly(false, false, true);
        assertThat(hours.get(0).from()).isEqualTo(opened);
        // one arrival in the half hour the floor was open at 08: two an hour
        assertThat(hours.get(0).arrivalsPerHour()).isCloseTo(2, within(1e-9));
        assertThat(hours.get(1).arrivals()).isEqualTo(1);
        FloorStaffing.Hour now = hours.get(2);
        assertThat(now.from()).isEqualTo(at("09:30"));
        assertThat(now.until()).isEqualTo(NOW);
        assertThat(now.arrivals()).isEqualTo(2);
        assertThat(now.arrivalsPerHour()).isCloseTo(2, within(1e-9));
        assertThat(staffing.currentHour()).isEqualTo("10");
        assertThat(staffing.floor()).extracting(FloorStaffing.FloorHour::hour).containsExactly("08", "09", "10");
    }

    /** Five visitors in the floor's first five minutes are counted over 15: 20 an hour, not 60. */
    @Test
    void aRateIsCountedOverAQuarterOfAnHourAtLeast() {
        Instant opened = NOW.minus(Duration.ofMinutes(5));
        FloorObservations day =
                new FloorObservations(opened, arrivals("residence", "10:25", 5, 5), List.of(), List.of());
        FloorStaffing.Hour now = current(
                ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, 0.8),
                "residence");
        assertThat(now.from()).isEqualTo(opened);
        assertThat(now.arrivals()).isEqualTo(5);
        assertThat(now.arrivalsPerHour()).isCloseTo(20, within(1e-9));
    }

    /** The hour's own services when three ended in it, else the day's so far, else the default; a minute at least. */
    @Test
    void theServiceTimeComesFromTheHourTheDayOrTheDefault() {
        List<ServiceSpan> spans = new ArrayList<>();
        spans.addAll(services("residence", "08:20", 2, 8)); // two at 08: too few for the hour alone
        spans.addAll(services("residence", "09:20", 3, 14));
        spans.addAll(services("health", "09:20", 2, 0.1)); // clicks, not service
        FloorObservations day =
                new FloorObservations(OPENED, arrivals("residence", "08:00", 10, 120), spans, List.of());
        FloorStaffing staffing = ObservedStaffing.advise(
                day,
                List.of(
                        new ServiceTarget("residence", 20, 5),
                        new ServiceTarget("health", 20, 5),
                        new ServiceTarget("family", 20, 7)),
                UTC,
                NOW,
                0.8);
        FloorStaffing.Hour eight = hour(staffing, "residence", "08");
        assertThat(eight.serviceTimeBasis()).isEqualTo(ServiceTimeBasis.DAY);
        assertThat(eight.meanServiceMinutes()).isCloseTo(8, within(1e-9));
        FloorStaffing.Hour nine = hour(staffing, "residence", "09");
        assertThat(nine.serviceTimeBasis()).isEqualTo(ServiceTimeBasis.HOUR);
        assertThat(nine.meanServiceMinutes()).isCloseTo(14, within(1e-9));
        // now (09:30 to 10:30): none ended in the window, so the day's five: (2 × 8 + 3 × 14) / 5
        FloorStaffing.Hour now = current(staffing, "residence");
        assertThat(now.serviceTimeBasis()).isEqualTo(ServiceTimeBasis.DAY);
        assertThat(now.meanServiceMinutes()).isCloseTo(11.6, within(1e-9));
        assertThat(hour(staffing, "health", "08").serviceTimeBasis()).isEqualTo(ServiceTimeBasis.DEFAULT);
        assertThat(hour(staffing, "health", "09").meanServiceMinutes()).isEqualTo(1);
        assertThat(current(staffing, "family").meanServiceMinutes()).isEqualTo(7);
    }

    /** Desks now are those open now; a past hour's are its desk-time over its length (a paused half hour is half). */
    @Test
    void desksServingAreCountedNowAndOnAverageForAPastHour() {
        List<DeskSpell> spells = List.of(
                new DeskSpell("d1", Set.of("residence"), OPENED, null),
                new DeskSpell("d2", Set.of("residence"), OPENED, at("09:30")), // paused at 09:30
                new DeskSpell("d2", Set.of("residence"), at("10:20"), null), // resumed
                new DeskSpell("d3", Set.of("health"), OPENED, null));
        FloorObservations day = new FloorObservations(OPENED, List.of(), List.of(), spells);
        FloorStaffing staffing = ObservedStaffing.advise(
                day, List.of(new ServiceTarget("residence", 20, 5), new ServiceTarget("health", 20, 5)), UTC, NOW, 0.8);
        assertThat(hour(staffing, "residence", "08").meanDesksServing()).isCloseTo(2, within(1e-9));
        assertThat(hour(staffing, "residence", "09").meanDesksServing()).isCloseTo(1.5, within(1e-9));
        FloorStaffing.Hour now = current(staffing, "residence");
        assertThat(now.desksServingNow()).isEqualTo(2);
        // 09:30–10:30: d1 throughout, d2 for its last ten minutes
        assertThat(now.meanDesksServing()).isCloseTo(1 + 10.0 / 60, within(1e-9));
        assertThat(current(staffing, "health").desksServingNow()).isEqualTo(1);
    }

    /**
     * Residence and identity share desk d1, and each has its own desk too; health has d3 alone.
     * Each of the two needs 6 desks at 30 an hour and 10 minutes (20-minute target); together,
     * pooled, 60 an hour need 11 (not 12), and their three desks are too few either way.
     */
    @Test
    void servicesThatShareDesksAreAlsoReadTogether() {
        List<QueueEntry> entries = new ArrayList<>();
        entries.addAll(arrivals("residence", "09:30", 30, 60));
        entries.addAll(arrivals("identity", "09:30", 30, 60));
        List<ServiceSpan> spans = new ArrayList<>();
        spans.addAll(services("residence", "09:40", 3, 10));
        spans.addAll(services("identity", "09:40", 3, 10));
        List<DeskSpell> spells = List.of(
                new DeskSpell("d1", Set.of("residence", "identity"), OPENED, null),
                new DeskSpell("d2", Set.of("residence"), OPENED, null),
                new DeskSpell("d4", Set.of("identity"), OPENED, null),
                new DeskSpell("d3", Set.of("health"), OPENED, null));
        FloorObservations day = new FloorObservations(OPENED, entries, spans, spells);
        FloorStaffing staffing = ObservedStaffing.advise(
                day,
                List.of(
                        new ServiceTarget("residence", 20, 5),
                        new ServiceTarget("health", 15, 5),
                        new ServiceTarget("identity", 30, 5)),
                UTC,
                NOW,
                0.8);
        FloorStaffing.Hour residence = current(staffing, "residence");
        assertThat(residence.arrivalsPerHour()).isCloseTo(30, within(1e-9));
        assertThat(residence.desksServingNow()).isEqualTo(2); // d1 counts for residence…
        assertThat(residence.desksNeeded()).isEqualTo(6);
        assertThat(current(staffing, "identity").desksServingNow()).isEqualTo(2); // …and for identity
        FloorStaffing.FloorHour now = staffing.floor().get(staffing.floor().size() - 1);
        assertThat(now.current()).isTrue();
        assertThat(now.groups())
                .extracting(FloorStaffing.DeskGroup::serviceCodes)
                .containsExactly(List.of("residence", "identity"), List.of("health"));
        FloorStaffing.DeskGroup shared = now.groups().get(0);
        assertThat(shared.desksServingNow()).isEqualTo(3); // d1 once
        assertThat(shared.offeredLoad()).isCloseTo(10, within(1e-9));
        assertThat(shared.targetWaitMinutes()).isEqualTo(20); // the stricter of the two
        assertThat(shared.desksNeeded()).isEqualTo(11);
        assertThat(shared.desksNeededApart())
                .isEqualTo(6 + current(staffing, "identity").desksNeeded());
        assertThat(shared.understaffed()).isTrue();
        FloorStaffing.DeskGroup health = now.groups().get(1);
        assertThat(health.desksServingNow()).isEqualTo(1);
        assertThat(health.desksNeeded()).isZero();
        assertThat(health.understaffed()).isFalse();
    }

    /** A closed or paused desk joins no services now: the groups follow the desks open now. */
    @Test
    void aDeskNotOpenNowJoinsNothing() {
        List<DeskSpell> spells = List.of(
                new DeskSpell("d1", Set.of("residence", "identity"), OPENED, at("09:00")),
                new DeskSpell("d2", Set.of("residence"), OPENED, null));
        FloorObservations day = new FloorObservations(OPENED, List.of(), List.of(), spells);
        FloorStaffing staffing = ObservedStaffing.advise(
                day,
                List.of(new ServiceTarget("residence", 20, 5), new ServiceTarget("identity", 20, 5)),
                UTC,
                NOW,
                0.8);
        assertThat(staffing.floor().get(0).groups())
                .extracting(FloorStaffing.DeskGroup::serviceCodes)
                .containsExactly(List.of("residence", "identity")); // 08: d1 was open
        assertThat(staffing.floor().get(2).groups())
                .extracting(FloorStaffing.DeskGroup::serviceCodes)
                .containsExactly(List.of("residence"), List.of("identity"));
    }

    @Test
    void aLoadBeyondPlanningNeedsAnUnknownNumberAndIsShort() {
        // 3000 an hour at 480 minutes each are 24 000 Erlangs: past any centre
        FloorObservations day = new FloorObservations(
                OPENED, arrivals("residence", "09:00", 3000, 60), services("residence", "09:20", 3, 480), List.of());
        FloorStaffing.Hour nine = hour(
                ObservedStaffing.advise(day, List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, 0.8),
                "residence",
                "09");
        assertThat(nine.desksNeeded()).isNull();
        assertThat(nine.understaffed()).isTrue();
    }

    @Test
    void aShareOutOfRangeIsRefusedAtItsParameter() {
        for (double share : new double[] {0, -0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> ObservedStaffing.advise(
                            FloorObservations.none(), List.of(new ServiceTarget("residence", 20, 5)), UTC, NOW, share))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid-share");
                        assertThat(e.field()).isEqualTo("/share");
                    });
        }
    }

    /** Hours are the centre's: 05:30 UTC is 09 in Tehran. */
    @Test
    void hoursAreCountedInTheCentresTimeZone() {
        FloorStaffing staffing = ObservedStaffing.advise(
                FloorObservations.none(),
                List.of(new ServiceTarget("residence", 20, 5)),
                ZoneId.of("Asia/Tehran"),
                Instant.parse("2026-03-01T05:40:00Z"),
                0.8);
        assertThat(staffing.currentHour()).isEqualTo("09");
    }
}
