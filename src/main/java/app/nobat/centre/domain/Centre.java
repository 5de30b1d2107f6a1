package app.nobat.centre.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.nobat.centre.domain.CentreMessages.CentreDefined;
import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.common.CommonRefusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A centre's configuration: services, desks, opening hours and queue policy, audited by its events. */
public class Centre {

    @AggregateIdentifier
    private String centreId;

    private CentreProfile profile;

    /** The sequence number of the last definition (-1 before the first): the version a change is made to. */
    private long version = -1;

    protected Centre() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DefineCentre cmd) {
        if (cmd.profile() == null) {
            throw CommonRefusal.REQUIRED.at("", "member", "profile");
        }
        cmd.profile().validate();
        if (!cmd.centreId().equals(cmd.profile().centreId())) {
            throw CentreRefusal.CENTRE_ID_MISMATCH.at("/centreId", "centre", cmd.centreId());
        }
        if (cmd.expectedVersion() != null && cmd.expectedVersion() != version) {
            throw CentreRefusal.CHANGED_MEANWHILE.with(
                    "centre", cmd.centreId(), "version", cmd.expectedVersion(), "current", version);
        }
        if (cmd.profile().equals(profile)) {
            return false;
        }
        apply(CentreDefined.of(cmd.centreId(), cmd.profile(), cmd.definedBy(), cmd.at()));
        return true;
    }

    @EventSourcingHandler
    void on(CentreDefined e, @SequenceNumber long sequence) {
        centreId = e.centreId();
        profile = e.centreProfile();
        version = sequence;
    }

    public CentreProfile profile() {
        return profile;
    }
}
