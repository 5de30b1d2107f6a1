package app.nobat.planning.simulation;

import app.nobat.centre.domain.CentreProfile;
import app.nobat.floor.domain.FloorSettings;
import app.nobat.floor.wiring.CentreFloorSettings;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator needs of a centre: the floor's settings (services, desks and the services each
 * may serve, queue policy, recalls) and each service's target wait.
 *
 * @param centreId         the floor's centre
 * @param targetWaitMinutes per service code: waits longer than this are breaches
 */
public record SimulatedCentre(String centreId, FloorSettings settings, Map<String, Integer> targetWaitMinutes) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public SimulatedCentre {
        targetWaitMinutes = new TreeMap<>(targetWaitMinutes);
    }

    /** The centre as seeded from {@code centres/<centreId>.yml} on the class path (e.g. the demo centre). */
    public static SimulatedCentre seeded(String centreId) {
        String resource = "centres/" + centreId + ".yml";
        try (InputStream in = SimulatedCentre.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no centre file " + resource + " on the class path");
            }
            return of(YAML.readValue(in, CentreProfile.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SimulatedCentre of(CentreProfile profile) {
        profile.validate();
        Map<String, Integer> targets = new TreeMap<>();
        profile.services().forEach(s -> targets.put(s.code(), s.targetWaitMinutes()));
        return new SimulatedCentre(profile.centreId(), CentreFloorSettings.toSettings(profile), targets);
    }
}
