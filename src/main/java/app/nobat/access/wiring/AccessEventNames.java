package app.nobat.access.wiring;

import app.nobat.access.domain.StaffDirectoryMessages;
import app.nobat.platform.axon.EventNames;

/**
 * The staff directory's stored event names. Stored names never change: a renamed or moved class keeps its name here. The third
 * column is the class name the type was stored under in data format 1; a type added later has none.
 */
public final class AccessEventNames {

    private AccessEventNames() {}

    public static final EventNames NAMES = EventNames.of(StaffDirectoryMessages.DirectoryChange.class)
            .name(
                    "staff.StaffAccountCreated",
                    StaffDirectoryMessages.StaffAccountCreated.class,
                    "app.nobat.access.domain.StaffDirectoryMessages$StaffAccountCreated")
            .name(
                    "staff.StaffAccountChanged",
                    StaffDirectoryMessages.StaffAccountChanged.class,
                    "app.nobat.access.domain.StaffDirectoryMessages$StaffAccountChanged")
            .name(
                    "staff.DeviceTokenIssued",
                    StaffDirectoryMessages.DeviceTokenIssued.class,
                    "app.nobat.access.domain.StaffDirectoryMessages$DeviceTokenIssued")
            .name(
                    "staff.DeviceTokenRevoked",
                    StaffDirectoryMessages.DeviceTokenRevoked.class,
                    "app.nobat.access.domain.StaffDirectoryMessages$DeviceTokenRevoked")
            .build();
}
