package app.nobat.floor.wiring;

import app.nobat.centre.domain.Centre;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.domain.FloorSettingsSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads a centre's configuration from its event-sourced aggregate, not from a read model, so a
 * floor started right after a centre is defined sees the definition.
 */
public class CentreFloorSettings implements FloorSettingsSource {

    /** How many of the centre's latest days make its usual desk times: about a month of open days. */
    public static final int EARLIER_DAYS = 20;

    private final Supplier<Repository<Centre>> centres;
    private final FloorBoardRepository boards;

    public CentreFloorSettings(Supplier<Repository<Centre>> centres, FloorBoardRepository boards) {
        this.centres = centres;
        this.boards = boards;
    }

    /** From the stored boards of the centre's latest days (a read model: what it holds when the day starts). */
    @Override
    public Map<String, Double> earlierDeskMinutes(String centreId, LocalDate day) {
        return boards.earlierDeskMinutes(centreId, day, EARLIER_DAYS);
    }

    @Override
    public FloorSettings settingsFor(String centreId) {
        CentreProfile profile;
        try {
            profile = centres.get().load(centreId).invoke(Centre::profile);
        } catch (AggregateNotFoundException e) {
            throw CommonRefusal.UNKNOWN_CENTRE.with("centre", centreId);
        }
        return toSettings(profile);
    }

    public static FloorSettings toSettings(CentreProfile profile) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        profile.services().forEach(s -> prefixes.put(s.code(), s.prefix()));
        Map<String, Set<String>> desks = new LinkedHashMap<>();
        profile.desks().forEach(d -> desks.put(d.deskId(), new LinkedHashSet<>(d.serviceCodes())));
        return new FloorSettings(
                profile.timeZone(), prefixes, desks, profile.policy(), profile.endOfDay(), profile.maxRecalls());
    }
}
