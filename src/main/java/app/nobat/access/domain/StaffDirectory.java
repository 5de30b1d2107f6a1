package app.nobat.access.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.nobat.access.domain.StaffDirectoryMessages.DirectoryChange;
import app.nobat.access.domain.StaffDirectoryMessages.RecordDirectoryChange;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The record of administrators' changes to staff accounts and devices: one stream, in the order
 * the changes were made (one writer at a time, like every aggregate).
 */
public class StaffDirectory {

    @AggregateIdentifier
    private String directoryId;

    protected StaffDirectory() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDirectoryChange cmd) {
        directoryId = cmd.directoryId();
        apply(cmd.change());
    }

    @EventSourcingHandler
    void on(DirectoryChange change) {
        directoryId = StaffDirectoryMessages.DIRECTORY;
    }
}
