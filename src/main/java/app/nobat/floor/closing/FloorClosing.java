package app.nobat.floor.closing;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.RuleViolation;
import app.nobat.floor.board.FloorBoardRepository;
import app.nobat.floor.domain.FloorCommand.CloseFloor;
import app.nobat.floor.domain.FloorId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * End of day: closes each open floor at its centre's closing time, or at once when its day has
 * passed (the application was down at closing time). What happens to open visits is the
 * floor's rule (close or carry over).
 */
public class FloorClosing {

    private static final Logger log = LoggerFactory.getLogger(FloorClosing.class);

    private final FloorBoardRepository boards;
    private final CentreCatalog catalog;
    private final CommandGateway commands;
    private final Clock clock;

    public FloorClosing(FloorBoardRepository boards, CentreCatalog catalog, CommandGateway commands, Clock clock) {
        this.boards = boards;
        this.catalog = catalog;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${nobat.floor.closing.initial-delay:10s}",
            fixedDelayString = "${nobat.floor.closing.interval:60s}")
    public void closeDueFloors() {
        Instant now = clock.instant();
        for (String id : boards.openFloorIds()) {
            FloorId floor = FloorId.parse(id);
            catalog.find(floor.centreId())
                    .filter(centre -> isDue(floor, centre, now))
                    .ifPresent(centre -> {
                        try {
                            commands.sendAndWait(new CloseFloor(id, now));
                            log.info("Closed the floor {} at the end of its day", id);
                        } catch (RuleViolation alreadyClosed) {
                            log.debug("Floor {} was closed meanwhile", id);
                        }
                    });
        }
    }

    /** Due when its day has passed, or today once the centre's closing time is reached. */
    public static boolean isDue(FloorId floor, CentreProfile centre, Instant now) {
        ZonedDateTime local = now.atZone(ZoneId.of(centre.timeZone()));
        LocalDate today = local.toLocalDate();
        if (floor.day().isBefore(today)) {
            return true;
        }
        return floor.day().equals(today)
                && centre.closingTimeOn(today)
                        .map(closes -> !local.toLocalTime().isBefore(closes))
                        .orElse(false);
    }
}
