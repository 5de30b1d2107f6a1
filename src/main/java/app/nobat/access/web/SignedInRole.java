package app.nobat.access.web;

import app.nobat.access.devices.DeviceKind;
import app.nobat.access.staff.StaffRole;

/** Who answers /api/me: a staff member by highest role, or a device by its kind. */
public enum SignedInRole {
    DESK,
    SUPERVISOR,
    ADMIN,
    KIOSK,
    DISPLAY;

    public static SignedInRole of(StaffRole role) {
        return valueOf(role.name());
    }

    public static SignedInRole of(DeviceKind kind) {
        return valueOf(kind.name());
    }
}
