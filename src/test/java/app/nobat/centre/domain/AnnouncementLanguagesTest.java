package app.nobat.centre.domain;

import static app.nobat.common.Refusals.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.centre.domain.CentreMessages.CentreDefined;
import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.common.CommonRefusal;
import app.nobat.common.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The languages a centre's displays speak a call in, in order: known, each once, at least one. */
class AnnouncementLanguagesTest {

    FixtureConfiguration<Centre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Centre.class);
    }

    static CentreProfile speaking(List<String> languages) {
        CentreProfile p = CentreFixtureTest.profile(null, 2);
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
                languages,
                p.address(),
                p.documents());
    }

    void refused(CentreProfile profile, Refusal refusal, String field) {
        fixture.givenNoPriorActivity()
                .when(new DefineCentre("gulf", profile, "admin", CentreFixtureTest.T))
                .expectNoEvents()
                .expectException(invalid(refusal, field));
    }

    @Test
    void aCentreThatSaysNothingSpeaksPersian() {
        assertThat(speaking(null).announcementLanguages()).containsExactly("fa");
        assertThat(CentreFixtureTest.profile(null, 2).announcementLanguages()).containsExactly("fa");
    }

    @Test
    void persianThenPashtoIsKeptInOrder() {
        CentreProfile both = speaking(List.of("fa", "ps"));
        fixture.givenNoPriorActivity()
                .when(new DefineCentre("gulf", both, "admin", CentreFixtureTest.T))
                .expectEvents(CentreDefined.of("gulf", both, "admin", CentreFixtureTest.T));
        assertThat(both.announcementLanguages()).containsExactly("fa", "ps");
    }

    @Test
    void unknownRepeatedOrNoLanguagesAreRefused() {
        refused(speaking(List.of("fa", "de")), CommonRefusal.UNKNOWN_LANGUAGE, "/announcementLanguages/1");
        refused(speaking(Arrays.asList("fa", null)), CommonRefusal.UNKNOWN_LANGUAGE, "/announcementLanguages/1");
        refused(speaking(List.of("ps", "ps")), CommonRefusal.DUPLICATE, "/announcementLanguages/1");
        refused(speaking(List.of()), CommonRefusal.AT_LEAST_ONE, "/announcementLanguages");
    }

    @Test
    void aProfileStoredWithoutTheLanguagesReadsAsPersian() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        String stored = json.writeValueAsString(CentreFixtureTest.profile(null, 2))
                .replace(",\"announcementLanguages\":[\"fa\"]", "");
        assertThat(stored).doesNotContain("announcementLanguages");
        assertThat(json.readValue(stored, CentreProfile.class).announcementLanguages())
                .containsExactly("fa");
    }
}
