package app.nobat.access.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * The staff directory's record of changes to staff accounts and device tokens: the accounts and
 * devices themselves are a plain collection (they are read at every request), and each change an
 * administrator makes is recorded here as an event too, with the administrator as {@code by}, so
 * that the audit lists it beside the centres' configuration changes. No password, hash or token
 * is in any of them.
 */
public final class StaffDirectoryMessages {

    /** The one directory's aggregate id. */
    public static final String DIRECTORY = "staff-directory";

    private StaffDirectoryMessages() {}

    /** Records one change; the directory keeps no state beyond its events. */
    public record RecordDirectoryChange(
            @TargetAggregateIdentifier String directoryId, DirectoryChange change) {}

    /** A change to a staff account or a device, by an administrator. */
    public sealed interface DirectoryChange {
        String by();

        Instant at();
    }

    /** {@code centres} empty: the account acts at every centre. */
    @Revision("1")
    public record StaffAccountCreated(String username, String role, List<String> centres, String by, Instant at)
            implements DirectoryChange {}

    /**
     * What an account is after a change, and whether its password was changed (never the password).
     */
    @Revision("1")
    public record StaffAccountChanged(
            String username,
            String role,
            boolean disabled,
            List<String> centres,
            boolean passwordChanged,
            String by,
            Instant at)
            implements DirectoryChange {}

    @Revision("1")
    public record DeviceTokenIssued(String deviceId, String kind, String centreId, String by, Instant at)
            implements DirectoryChange {}

    @Revision("1")
    public record DeviceTokenRevoked(String deviceId, String centreId, String by, Instant at)
            implements DirectoryChange {}
}
