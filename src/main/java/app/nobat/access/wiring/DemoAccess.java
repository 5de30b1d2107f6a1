package app.nobat.access.wiring;

import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo profile's staff accounts and device tokens ({@code nobat.demo.*}, in
 * application-demo.yml), written at start-up. They exist only in that profile; the production
 * profile refuses to start while any of them is configured or stored.
 */
public class DemoAccess implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);

    @ConfigurationProperties("nobat.demo")
    public record DemoSettings(List<Account> accounts, List<Device> devices) {
        public DemoSettings {
            accounts = accounts == null ? List.of() : accounts;
            devices = devices == null ? List.of() : devices;
        }

        public record Account(String username, String password, StaffRole role) {}

        public record Device(String deviceId, DeviceKind kind, String centreId, String token) {}

        public boolean empty() {
            return accounts.isEmpty() && devices.isEmpty();
        }
    }

    /** Demo device ids and user names carry this prefix, so that the production guard can find them in a store. */
    public static final String PREFIX = "demo-";

    private final DemoSettings settings;
    private final StaffAccounts accounts;
    private final DeviceTokens devices;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public DemoAccess(
            DemoSettings settings, StaffAccounts accounts, DeviceTokens devices, PasswordEncoder encoder, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.devices = devices;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // demo passwords are published in the README and exempt from PasswordPolicy: this profile never runs in
        // production
        for (DemoSettings.Account a : settings.accounts()) {
            accounts.save(new StaffAccounts.Account(a.username(), encoder.encode(a.password()), a.role(), false));
        }
        for (DemoSettings.Device d : settings.devices()) {
            devices.register(d.token(), d.deviceId(), d.kind(), d.centreId(), clock.instant());
        }
        log.warn(
                "Demo profile: {} demo staff accounts and {} demo device tokens are active (see README); "
                        + "never use this profile in production",
                settings.accounts().size(),
                settings.devices().size());
    }
}
