package app.nobat.centre.seed;

import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.centre.domain.CentreProfile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * Defines the centres of the configured files at start-up; a file equal to the centre's current
 * profile records nothing, a changed one records the new profile.
 */
public class CentreSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CentreSeeder.class);

    private final CommandGateway commands;
    private final List<String> locations;
    private final Clock clock;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public CentreSeeder(CommandGateway commands, List<String> locations, Clock clock) {
        this.commands = commands;
        this.locations = locations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            for (Resource resource : resolver.getResources(location)) {
                CentreProfile profile;
                try (InputStream in = resource.getInputStream()) {
                    profile = yaml.readValue(in, CentreProfile.class);
                }
                Boolean changed = commands.sendAndWait(
                        new DefineCentre(profile.centreId(), profile, "seed:" + resource.getFilename(), clock.instant()));
                log.info("Centre {} from {}: {}", profile.centreId(), resource.getDescription(),
                        Boolean.TRUE.equals(changed) ? "defined" : "unchanged");
            }
        }
    }
}
