package app.nobat.booking.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Messages of the {@link IdentityGuard}: one active appointment per identity, centre and service. */
public final class IdentityGuardMessages {

    private IdentityGuardMessages() {}

    /** The guard of one identity (by its keyed hash, never the number) for one service of one centre. */
    public static String guardId(String centreId, String serviceCode, String identityHash) {
        return "guard:" + centreId + ":" + serviceCode + ":" + identityHash;
    }

    /** Claims the identity's one appointment for {@code code}; a repeat with the same code succeeds. */
    public record ClaimIdentity(@TargetAggregateIdentifier String guardId, String code, String dayBookId, Instant at) {}

    /** Gives the claim up, if {@code code} holds it. */
    public record ReleaseIdentity(@TargetAggregateIdentifier String guardId, String code, Instant at) {}

    /** The identity guard's events. */
    public sealed interface GuardEvent permits IdentityClaimed, IdentityReleased {}

    @Revision("1")
    public record IdentityClaimed(String guardId, String code, String dayBookId, Instant at) implements GuardEvent {}

    @Revision("1")
    public record IdentityReleased(String guardId, String code, Instant at) implements GuardEvent {}
}
