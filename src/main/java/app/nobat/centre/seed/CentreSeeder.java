package app.nobat.centre.seed;

import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.platform.seed.YamlSeedFiles;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Defines the centres of the configured files at start-up; a file equal to the centre's current
 * profile records nothing, a changed one records the new profile.
 */
public class CentreSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CentreSeeder.class);

    private final CommandGateway commands;
    private final List<String> locations;
    private final Clock clock;

    public CentreSeeder(CommandGateway commands, List<String> locations, Clock clock) {
        this.commands = commands;
        this.locations = locations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        YamlSeedFiles.forEach(locations, CentreProfile.class, (resource, profile) -> {
            Boolean changed = commands.sendAndWait(
                    new DefineCentre(profile.centreId(), profile, "seed:" + resource.getFilename(), clock.instant()));
            log.info(
                    "Centre {} from {}: {}",
                    profile.centreId(),
                    resource.getDescription(),
                    Boolean.TRUE.equals(changed) ? "defined" : "unchanged");
        });
    }
}
