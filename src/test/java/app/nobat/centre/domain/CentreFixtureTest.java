package app.nobat.centre.domain;

import static app.nobat.common.Refusals.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.centre.domain.CentreMessages.CentreDefined;
import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.common.CommonRefusal;
import app.nobat.common.InvalidInput;
import app.nobat.common.Refusal;
import app.nobat.common.Refusals;
import app.nobat.floor.domain.EndOfDayRule;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.QueuePolicySettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A centre's definition is refused by the field out of range, and a refused one records nothing. */
class CentreFixtureTest {

    static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    static final Map<String, String> NAMES = Map.of("fa", "n", "fa-AF", "n", "ps", "n", "en", "n");

    FixtureConfiguration<Centre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Centre.class);
    }

    static CentreProfile profile(
            QueuePolicySettings policy, Integer maxRecalls, List<CentreProfile.OpeningPeriod> hours) {
        return new CentreProfile(
                "gulf",
                NAMES,
                "Asia/Tehran",
                List.of(new CentreProfile.Service("res", "A", NAMES, 20)),
                List.of(new CentreProfile.Desk("d1", NAMES, List.of("res"))),
                hours,
                policy,
                EndOfDayRule.CLOSE,
                maxRecalls,
                null,
                null,
                null);
    }

    static CentreProfile profile(QueuePolicySettings policy, Integer maxRecalls) {
        return profile(
                policy,
                maxRecalls,
                List.of(new CentreProfile.OpeningPeriod(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(14, 0))));
    }

    void refused(CentreProfile profile, Refusal refusal, String field) {
        fixture.givenNoPriorActivity()
                .when(new DefineCentre("gulf", profile, "admin", T))
                .expectNoEvents()
                .expectException(invalid(refusal, field));
    }

    @Test
    void aNegativeMaxRecallsIsRefusedNotReplaced() {
        refused(profile(null, -3), CommonRefusal.OUT_OF_BOUNDS, "/maxRecalls");
        refused(profile(null, CentreProfile.MAX_RECALLS + 1), CommonRefusal.OUT_OF_BOUNDS, "/maxRecalls");
    }

    @Test
    void noRecallsAndAMissingValueAreKept() {
        assertThat(profile(null, 0).maxRecalls()).isZero();
        assertThat(profile(null, null).maxRecalls()).isEqualTo(CentreProfile.DEFAULT_MAX_RECALLS);
        fixture.givenNoPriorActivity()
                .when(new DefineCentre("gulf", profile(null, 0), "admin", T))
                .expectEvents(CentreDefined.of("gulf", profile(null, 0), "admin", T));
    }

    @Test
    void aChangeMadeToAnOlderVersionIsRefusedAsChangedMeanwhile() {
        CentreProfile first = profile(null, 2);
        CentreProfile second = profile(null, 3);
        CentreProfile third = profile(null, 4);
        // both administrators read version 0; the first saves (version 1), the second's save is refused
        fixture.given(CentreDefined.of("gulf", first, "admin-a", T), CentreDefined.of("gulf", second, "admin-a", T))
                .when(new DefineCentre("gulf", third, "admin-b", T, 0L))
                .expectNoEvents()
                .expectException(Refusals.refused(CentreRefusal.CHANGED_MEANWHILE));
        fixture.given(CentreDefined.of("gulf", first, "admin-a", T), CentreDefined.of("gulf", second, "admin-a", T))
                .when(new DefineCentre("gulf", third, "admin-b", T, 1L))
                .expectEvents(CentreDefined.of("gulf", third, "admin-b", T));
        // a centre not yet defined is at no version; and without a version the profile replaces what is there
        fixture.givenNoPriorActivity()
                .when(new DefineCentre("gulf", first, "admin-b", T, 0L))
                .expectNoEvents()
                .expectException(Refusals.refused(CentreRefusal.CHANGED_MEANWHILE));
        fixture.given(CentreDefined.of("gulf", first, "admin-a", T))
                .when(new DefineCentre("gulf", third, "seed", T))
                .expectEvents(CentreDefined.of("gulf", third, "seed", T));
    }

    static CentreProfile withVisitorInfo(Map<String, String> address, List<CentreProfile.ServiceDocuments> documents) {
        CentreProfile p = profile(null, 2);
        return new CentreProfile(
                p.centreId(),
                p.names(),
                p.timeZone(),
                p.services(),
                p.desks(),
                p.openingHours(),
                p.policy(),
                p.endOfDay(),
                p.maxRecalls(),
                p.announcementLanguages(),
                address,
                documents);
    }

    @Test
    void theAddressAndTheDocumentsToBringAreNamedInEveryLanguage() {
        var passport = Map.of("fa", "گذرنامه", "fa-AF", "پاسپورت", "ps", "پاسپورټ", "en", "Passport");
        withVisitorInfo(NAMES, List.of(new CentreProfile.ServiceDocuments("res", List.of(passport))))
                .validate();
        withVisitorInfo(null, null).validate(); // both optional
        refused(
                withVisitorInfo(Map.of("fa", "نشانی", "ps", "پته", "en", "Street"), null),
                CentreRefusal.NAME_REQUIRED,
                "/address/fa-AF");
        refused(
                withVisitorInfo(
                        null,
                        List.of(new CentreProfile.ServiceDocuments(
                                "res", List.of(Map.of("fa", "x", "fa-AF", "x", "en", "x"))))),
                CentreRefusal.NAME_REQUIRED,
                "/documents/0/items/0/ps");
        refused(
                withVisitorInfo(null, List.of(new CentreProfile.ServiceDocuments("nope", List.of(passport)))),
                CentreRefusal.DOCUMENTS_UNKNOWN_SERVICE,
                "/documents/0/serviceCode");
        refused(
                withVisitorInfo(
                        null,
                        List.of(
                                new CentreProfile.ServiceDocuments("res", List.of(passport)),
                                new CentreProfile.ServiceDocuments("res", List.of()))),
                CommonRefusal.DUPLICATE,
                "/documents/1/serviceCode");
        refused(
                withVisitorInfo(
                        null,
                        List.of(new CentreProfile.ServiceDocuments(
                                "res", Collections.nCopies(CentreProfile.MAX_DOCUMENTS + 1, passport)))),
                CommonRefusal.TOO_MANY_ITEMS,
                "/documents/0/items");
    }

    @Test
    void aBoostMustBeFiniteAndWithinADay() {
        refused(
                profile(new QueuePolicySettings(Map.of(), Double.POSITIVE_INFINITY, 3), 2),
                CommonRefusal.OUT_OF_BOUNDS,
                "/policy/appointmentBoost");
        refused(
                profile(new QueuePolicySettings(Map.of(), QueuePolicySettings.MAX_APPOINTMENT_BOOST + 1, 3), 2),
                CommonRefusal.OUT_OF_BOUNDS,
                "/policy/appointmentBoost");
        refused(
                profile(new QueuePolicySettings(Map.of(), 30, QueuePolicySettings.MAX_PRIORITY_IN_ROW + 1), 2),
                CommonRefusal.OUT_OF_BOUNDS,
                "/policy/maxPriorityInRow");
    }

    @Test
    void aWeightThatIsNoNumberIsRefusedByItsClass() {
        assertThat(Assertions.catchThrowableOfType(
                        InvalidInput.class,
                        () -> new QueuePolicySettings(Map.of(PriorityClass.ELDERLY, Double.NaN), 30, 3)))
                .extracting(InvalidInput::field, InvalidInput::refusal)
                .containsExactly("/weights/ELDERLY", CommonRefusal.OUT_OF_BOUNDS);
    }

    @Test
    void overlappingOpeningHoursAreRefused() {
        refused(
                profile(
                        null,
                        2,
                        List.of(
                                new CentreProfile.OpeningPeriod(
                                        DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(14, 0)),
                                new CentreProfile.OpeningPeriod(
                                        DayOfWeek.SATURDAY, LocalTime.of(13, 0), LocalTime.of(15, 0)))),
                CentreRefusal.OVERLAPPING_OPENING_HOURS,
                "/openingHours/1");
    }

    @Test
    void aPolicyRecordedBeforeTheBoundsStillReplays() throws Exception {
        // an earlier version stored the probe's 1e400 boost; its event must still be read
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        JacksonSerializer events =
                JacksonSerializer.builder().objectMapper(json).build();
        CentreDefined stored = CentreDefined.of(
                "gulf", profile(new QueuePolicySettings(Map.of(), Double.POSITIVE_INFINITY, 3), 2), "admin", T);
        var serialized = events.serialize(stored, String.class);
        CentreDefined read = events.deserialize(
                new SimpleSerializedObject<>(serialized.getData(), String.class, serialized.getType()));
        assertThat(read.profile().policy().appointmentBoost()).isInfinite();
    }
}
