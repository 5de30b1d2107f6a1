package app.nobat.centre.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre configuration aggregate's messages. */
public final class CentreMessages {

    private CentreMessages() {}

    /** Creates the centre or replaces its configuration; a profile equal to the current one changes nothing. */
    public record DefineCentre(
            @TargetAggregateIdentifier String centreId, CentreProfile profile, String definedBy, Instant at) {}

    public record CentreDefined(String centreId, CentreProfile profile, String definedBy, Instant at) {}
}
