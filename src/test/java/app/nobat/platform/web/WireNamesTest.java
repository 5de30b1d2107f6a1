package app.nobat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.access.web.SignedInRole;
import app.nobat.booking.web.HolidaySource;
import app.nobat.floor.board.FloorChangeKind;
import app.nobat.floor.board.VisitStep;
import app.nobat.floor.domain.VisitStatus;
import app.nobat.floor.web.VisitAction;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The enums that replaced strings in the answers write the same JSON the screens read before. */
class WireNamesTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theNewEnumsKeepTheirWireNames() throws Exception {
        assertThat(json.writeValueAsString(VisitAction.NO_SHOW)).isEqualTo("\"no-show\"");
        assertThat(json.writeValueAsString(VisitAction.RECALL)).isEqualTo("\"recall\"");
        assertThat(json.writeValueAsString(HolidaySource.NATIONAL)).isEqualTo("\"national\"");
        assertThat(json.writeValueAsString(HolidaySource.CENTRE)).isEqualTo("\"centre\"");
        assertThat(json.writeValueAsString(FloorChangeKind.SNAPSHOT)).isEqualTo("\"snapshot\"");
        assertThat(json.writeValueAsString(VisitStep.NO_SHOW)).isEqualTo("\"NO_SHOW\"");
        assertThat(json.writeValueAsString(SignedInRole.SUPERVISOR)).isEqualTo("\"SUPERVISOR\"");
    }

    @Test
    void aStoredTimelineStepReadsBack() throws Exception {
        assertThat(json.readValue("\"CARRIED_OVER\"", VisitStep.class)).isEqualTo(VisitStep.CARRIED_OVER);
    }

    @Test
    void onlyTheEndOfDayOutcomesAreClosingSteps() {
        assertThat(VisitStep.closedAs(VisitStatus.CLOSED)).isEqualTo(VisitStep.CLOSED);
        assertThat(VisitStep.closedAs(VisitStatus.CARRIED_OVER)).isEqualTo(VisitStep.CARRIED_OVER);
        assertThatThrownBy(() -> VisitStep.closedAs(VisitStatus.WAITING)).isInstanceOf(IllegalArgumentException.class);
    }
}
