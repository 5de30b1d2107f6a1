package app.nobat.access.wiring;

import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import java.util.ArrayList;
import java.util.List;

/**
 * The production profile starts only without demo credentials and default secrets: it names every
 * one it finds and refuses to start.
 */
public final class ProductionGuard {

    public static final String DEMO_IDENTITY_KEY = "demo-only-identity-key-change-me";

    private ProductionGuard() {}

    public static List<String> problems(
            DemoAccess.DemoSettings demo,
            String identityKey,
            boolean demoProfileActive,
            StaffAccounts accounts,
            DeviceTokens devices) {
        List<String> problems = new ArrayList<>();
        if (demoProfileActive) {
            problems.add("the demo profile is active together with prod");
        }
        if (!demo.empty()) {
            problems.add("demo accounts or device tokens are configured (nobat.demo.*)");
        }
        if (identityKey == null || identityKey.equals(DEMO_IDENTITY_KEY) || identityKey.length() < 32) {
            problems.add(
                    "nobat.privacy.identity-key (NOBAT_IDENTITY_KEY) is the demo value or shorter than 32 characters");
        }
        accounts.all().stream()
                .filter(a -> a.username().startsWith(DemoAccess.PREFIX) && !a.disabled())
                .forEach(a -> problems.add("the store holds the demo account '" + a.username() + "'"));
        devices.all().stream()
                .filter(d -> d.deviceId().startsWith(DemoAccess.PREFIX) && !d.revoked())
                .forEach(d -> problems.add("the store holds the demo device '" + d.deviceId() + "'"));
        return problems;
    }
}
