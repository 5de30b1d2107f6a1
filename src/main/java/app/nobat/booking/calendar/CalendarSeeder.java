package app.nobat.booking.calendar;

import app.nobat.booking.domain.CalendarMessages;
import app.nobat.booking.domain.CalendarMessages.PublishSlotTemplate;
import app.nobat.booking.domain.SlotTemplate;
import app.nobat.platform.seed.YamlSeedFiles;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Publishes the slot templates of the configured files at start-up (after the centres are
 * defined); a template equal to the published one records nothing.
 */
public class CalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);

    record CalendarFile(String centreId, Map<String, SlotTemplate> templates) {}

    private final CommandGateway commands;
    private final List<String> locations;
    private final Clock clock;

    public CalendarSeeder(CommandGateway commands, List<String> locations, Clock clock) {
        this.commands = commands;
        this.locations = locations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        YamlSeedFiles.forEach(
                locations,
                CalendarFile.class,
                (resource, file) -> file.templates().forEach((service, template) -> {
                    Boolean changed = commands.sendAndWait(new PublishSlotTemplate(
                            CalendarMessages.calendarId(file.centreId()),
                            file.centreId(),
                            service,
                            template,
                            "seed:" + resource.getFilename(),
                            clock.instant()));
                    log.info(
                            "Slot template of {}/{}: {}",
                            file.centreId(),
                            service,
                            Boolean.TRUE.equals(changed) ? "published" : "unchanged");
                }));
    }
}
