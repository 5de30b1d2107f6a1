package app.nobat.access.web;

import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.common.InvalidInput;
import app.nobat.common.RuleViolation;
import app.nobat.common.UnknownReference;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Administrators manage staff accounts and device tokens. Password hashes and tokens are never listed. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Staff accounts and device tokens")
public class AccessAdminController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final StaffAccounts accounts;
    private final DeviceTokens devices;
    private final PasswordEncoder encoder;
    private final CentreCatalog catalog;
    private final Clock clock;
    private final CredentialChanges withdrawals;

    public AccessAdminController(StaffAccounts accounts, DeviceTokens devices, PasswordEncoder encoder,
                                 CentreCatalog catalog, Clock clock, CredentialChanges withdrawals) {
        this.withdrawals = withdrawals;
        this.accounts = accounts;
        this.devices = devices;
        this.encoder = encoder;
        this.catalog = catalog;
        this.clock = clock;
    }

    public record StaffView(String username, StaffRole role, boolean disabled) {
    }

    public record NewStaff(String username, String password, StaffRole role) {
    }

    public record StaffChange(String password, StaffRole role, Boolean disabled) {
    }

    public record DeviceView(String deviceId, DeviceKind kind, String centreId, boolean revoked, Instant issuedAt) {
    }

    public record NewDevice(String deviceId, DeviceKind kind, String centreId) {
    }

    /** The token appears here once; only its hash is stored. */
    public record IssuedDevice(String deviceId, DeviceKind kind, String centreId, String token) {
    }

    @GetMapping("/staff")
    public Mono<List<StaffView>> staff() {
        return Blocking.call(() -> accounts.all().stream()
                .map(a -> new StaffView(a.username(), a.role(), a.disabled())).toList());
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a staff account (password of at least 12 characters, stored as a bcrypt hash)")
    public Mono<StaffView> createStaff(@RequestBody NewStaff request) {
        if (request == null || request.username() == null || !NAME.matcher(request.username()).matches()) {
            throw new InvalidInput("username is 3 to 64 lower-case letters, digits, dots, dashes or underscores");
        }
        requirePassword(request.password());
        if (request.role() == null) {
            throw new InvalidInput("role is one of DESK, SUPERVISOR, ADMIN");
        }
        return Blocking.call(() -> {
            if (!accounts.create(new StaffAccounts.Account(request.username(), encoder.encode(request.password()),
                    request.role(), false))) {
                throw new RuleViolation("staff-exists", "There is already a staff account of that name");
            }
            return new StaffView(request.username(), request.role(), false);
        });
    }

    @PutMapping("/staff/{username}")
    @Operation(summary = "Change a staff account's password, role or whether it is disabled; a new password, "
            + "a new role or disabling ends the account's open sessions and live streams at once")
    public Mono<StaffView> changeStaff(@PathVariable String username, @RequestBody StaffChange request) {
        if (request == null) {
            throw new InvalidInput("A JSON body is required");
        }
        if (request.password() != null) {
            requirePassword(request.password());
        }
        return Blocking.call(() -> {
            StaffAccounts.Account current = accounts.find(username)
                    .orElseThrow(() -> new UnknownReference("staff", username));
            StaffAccounts.Account changed = new StaffAccounts.Account(username,
                    request.password() == null ? current.passwordHash() : encoder.encode(request.password()),
                    request.role() == null ? current.role() : request.role(),
                    request.disabled() == null ? current.disabled() : request.disabled());
            accounts.save(changed);
            // a new password, another role or disabling ends the account's sessions and streams now
            if (request.password() != null || changed.role() != current.role()
                    || (changed.disabled() && !current.disabled())) {
                accounts.endSessions(username);
                withdrawals.withdrawn();
            }
            return new StaffView(username, changed.role(), changed.disabled());
        });
    }

    @GetMapping("/devices")
    public Mono<List<DeviceView>> devices() {
        return Blocking.call(() -> devices.all().stream()
                .map(d -> new DeviceView(d.deviceId(), d.kind(), d.centreId(), d.revoked(), d.issuedAt())).toList());
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token to a kiosk or display of a centre (replacing the device's earlier token)")
    public Mono<IssuedDevice> issue(@RequestBody NewDevice request) {
        if (request == null || request.deviceId() == null || !NAME.matcher(request.deviceId()).matches()
                || request.kind() == null || request.centreId() == null) {
            throw new InvalidInput("deviceId (3 to 64 lower-case letters, digits, . _ -), kind (KIOSK or DISPLAY) "
                    + "and centreId are required");
        }
        return Blocking.call(() -> {
            catalog.get(request.centreId());
            String token = devices.issue(request.deviceId(), request.kind(), request.centreId(), clock.instant());
            withdrawals.withdrawn(); // the device's earlier token, if any, is replaced
            return new IssuedDevice(request.deviceId(), request.kind(), request.centreId(), token);
        });
    }

    @DeleteMapping("/devices/{deviceId}")
    @Operation(summary = "Revoke a device's token: it stops working at its next request, and its open live "
            + "stream ends at once")
    public Mono<DeviceView> revoke(@PathVariable String deviceId) {
        return Blocking.call(() -> {
            if (!devices.revoke(deviceId)) {
                throw new UnknownReference("device", deviceId);
            }
            withdrawals.withdrawn();
            return devices.all().stream().filter(d -> d.deviceId().equals(deviceId)).findFirst()
                    .map(d -> new DeviceView(d.deviceId(), d.kind(), d.centreId(), d.revoked(), d.issuedAt()))
                    .orElseThrow();
        });
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new InvalidInput("password must be 12 to 200 characters");
        }
    }
}
