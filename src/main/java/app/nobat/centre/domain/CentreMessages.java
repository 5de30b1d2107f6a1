package app.nobat.centre.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The centre configuration aggregate's messages. */
public final class CentreMessages {

    private CentreMessages() {}

    /**
     * Creates the centre or replaces its configuration; a profile equal to the current one changes nothing.
     * With an {@code expectedVersion} (the version the change was made to, as read with the profile) the
     * change is refused when the centre was defined again meanwhile; without one it replaces whatever is there.
     */
    public record DefineCentre(
            @TargetAggregateIdentifier String centreId,
            CentreProfile profile,
            String definedBy,
            Instant at,
            Long expectedVersion) {

        /** A definition that replaces whatever is there (the seed files, a script). */
        public DefineCentre(String centreId, CentreProfile profile, String definedBy, Instant at) {
            this(centreId, profile, definedBy, at, null);
        }
    }

    /** The centre aggregate's events. */
    public sealed interface CentreEvent permits CentreDefined {}

    @Revision("1")
    public record CentreDefined(String centreId, StoredProfile profile, String definedBy, Instant at)
            implements CentreEvent {

        public static CentreDefined of(String centreId, CentreProfile profile, String definedBy, Instant at) {
            return new CentreDefined(centreId, StoredProfile.of(profile), definedBy, at);
        }

        public CentreProfile centreProfile() {
            return profile.toProfile();
        }
    }
}
