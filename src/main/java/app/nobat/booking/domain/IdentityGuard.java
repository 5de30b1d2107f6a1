package app.nobat.booking.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.nobat.booking.domain.IdentityGuardMessages.*;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One identity (by keyed hash) holds at most one active appointment per service of a centre. The
 * guard only knows which code holds the claim; whether that appointment is still alive is the day
 * book's to say, and the application releases claims whose appointment ended.
 */
public class IdentityGuard {

    @AggregateIdentifier
    private String guardId;

    private String heldBy;
    private String dayBookId;
    private Instant since;

    protected IdentityGuard() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClaimIdentity cmd) {
        if (cmd.code().equals(heldBy)) {
            return;
        }
        if (heldBy != null) {
            throw new IdentityHeld(heldBy, dayBookId, since);
        }
        apply(new IdentityClaimed(cmd.guardId(), cmd.code(), cmd.dayBookId(), cmd.at()));
    }

    @CommandHandler
    public boolean handle(ReleaseIdentity cmd) {
        if (!cmd.code().equals(heldBy)) {
            return false;
        }
        apply(new IdentityReleased(guardId, cmd.code(), cmd.at()));
        return true;
    }

    @EventSourcingHandler
    void on(IdentityClaimed e) {
        guardId = e.guardId();
        heldBy = e.code();
        dayBookId = e.dayBookId();
        since = e.at();
    }

    @EventSourcingHandler
    void on(IdentityReleased e) {
        heldBy = null;
        dayBookId = null;
        since = null;
    }
}
