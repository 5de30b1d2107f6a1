package app.nobat.access.devices;

/** A kiosk or display as the requests it makes are authenticated. */
public record DevicePrincipal(String deviceId, DeviceKind kind, String centreId) {

    @Override
    public String toString() {
        return "device:" + deviceId;
    }
}
