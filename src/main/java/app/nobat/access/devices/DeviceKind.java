package app.nobat.access.devices;

/** Kiosks register arrivals and check-ins; displays read their centre's display stream. */
public enum DeviceKind {
    KIOSK,
    DISPLAY;

    public String authority() {
        return "ROLE_" + name();
    }
}
