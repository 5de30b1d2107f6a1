package app.nobat.access.web;

import app.nobat.access.AccessRefusal;
import app.nobat.access.audit.ConfigurationAudit;
import app.nobat.access.audit.ConfigurationAudit.Change;
import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.domain.StaffDirectoryMessages;
import app.nobat.access.domain.StaffDirectoryMessages.DeviceTokenIssued;
import app.nobat.access.domain.StaffDirectoryMessages.DeviceTokenRevoked;
import app.nobat.access.domain.StaffDirectoryMessages.DirectoryChange;
import app.nobat.access.domain.StaffDirectoryMessages.RecordDirectoryChange;
import app.nobat.access.domain.StaffDirectoryMessages.StaffAccountChanged;
import app.nobat.access.domain.StaffDirectoryMessages.StaffAccountCreated;
import app.nobat.access.staff.PasswordPolicy;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.common.CommonRefusal;
import app.nobat.platform.web.Acting;
import app.nobat.platform.web.Blocking;
import app.nobat.platform.web.ProblemHandling;
import app.nobat.platform.web.RequestRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

/** Administrators manage staff accounts and device tokens. Password hashes and tokens are never listed. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Staff accounts and device tokens")
public class AccessAdminController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern CENTRE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final StaffAccounts accounts;
    private final DeviceTokens devices;
    private final PasswordEncoder encoder;
    private final CentreCatalog catalog;
    private final Clock clock;
    private final CredentialChanges withdrawals;
    private final CommandGateway commands;
    private final ConfigurationAudit audit;

    public AccessAdminController(
            StaffAccounts accounts,
            DeviceTokens devices,
            PasswordEncoder encoder,
            CentreCatalog catalog,
            Clock clock,
            CredentialChanges withdrawals,
            CommandGateway commands,
            ConfigurationAudit audit) {
        this.withdrawals = withdrawals;
        this.commands = commands;
        this.audit = audit;
        this.accounts = accounts;
        this.devices = devices;
        this.encoder = encoder;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** {@code centres}: where the account may act; empty for every centre. */
    public record StaffView(String username, StaffRole role, boolean disabled, List<String> centres) {
        static StaffView of(StaffAccounts.Account a) {
            return new StaffView(a.username(), a.role(), a.disabled(), a.centres());
        }
    }

    /** {@code centres} may be left out: the account then acts at every centre. */
    public record NewStaff(
            String username,
            String password,
            StaffRole role,
            @Nullable List<String> centres) {}

    /** Fields left out stay as they are; {@code centres: []} lets the account act at every centre. */
    public record StaffChange(
            @Nullable String password,
            @Nullable StaffRole role,
            @Nullable Boolean disabled,
            @Nullable List<String> centres) {}

    public record DeviceView(String deviceId, DeviceKind kind, String centreId, boolean revoked, Instant issuedAt) {}

    public record NewDevice(String deviceId, DeviceKind kind, String centreId) {}

    /** The token appears here once; only its hash is stored. */
    public record IssuedDevice(String deviceId, DeviceKind kind, String centreId, String token) {}

    @GetMapping("/staff")
    public Mono<List<StaffView>> staff() {
        return Blocking.call(() -> accounts.all().stream().map(StaffView::of).toList());
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a staff account (password of 12 to 200 characters, not containing the username "
                    + "nor a common one, stored as a PBKDF2 hash), optionally limited to some centres")
    public Mono<StaffView> createStaff(@RequestBody NewStaff request) {
        if (request == null
                || request.username() == null
                || !NAME.matcher(request.username()).matches()) {
            throw AccessRefusal.MALFORMED_USERNAME.at("/username");
        }
        PasswordPolicy.check(request.username(), request.password());
        if (request.role() == null) {
            throw CommonRefusal.REQUIRED.at("/role", "member", "role");
        }
        return Blocking.call(() -> {
            StaffAccounts.Account account = new StaffAccounts.Account(
                    request.username(),
                    encoder.encode(request.password()),
                    request.role(),
                    false,
                    knownCentres(request.centres()));
            if (!accounts.create(account)) {
                throw AccessRefusal.STAFF_EXISTS.with();
            }
            record(new StaffAccountCreated(
                    account.username(), account.role().name(), account.centres(), Acting.id(), clock.instant()));
            return StaffView.of(account);
        });
    }

    @PutMapping("/staff/{username}")
    @Operation(
            summary =
                    "Change a staff account's password, role, centres or whether it is disabled; a new "
                            + "password, role or centres, or disabling, ends the account's open sessions and live streams at once")
    public Mono<StaffView> changeStaff(@PathVariable String username, @RequestBody StaffChange request) {
        if (request == null) {
            throw RequestRefusal.BODY_REQUIRED.at("");
        }
        if (request.password() != null) {
            PasswordPolicy.check(username, request.password());
        }
        return Blocking.call(() -> {
            StaffAccounts.Account current =
                    accounts.find(username).orElseThrow(() -> AccessRefusal.UNKNOWN_STAFF.with("staff", username));
            StaffAccounts.Account changed = new StaffAccounts.Account(
                    username,
                    request.password() == null ? current.passwordHash() : encoder.encode(request.password()),
                    request.role() == null ? current.role() : request.role(),
                    request.disabled() == null ? current.disabled() : request.disabled(),
                    request.centres() == null ? current.centres() : knownCentres(request.centres()));
            accounts.save(changed);
            record(new StaffAccountChanged(
                    username,
                    changed.role().name(),
                    changed.disabled(),
                    changed.centres(),
                    request.password() != null,
                    Acting.id(),
                    clock.instant()));
            // a new password, another role or other centres, or disabling, ends the account's sessions and streams now
            if (request.password() != null
                    || changed.role() != current.role()
                    || !changed.centres().equals(current.centres())
                    || (changed.disabled() && !current.disabled())) {
                accounts.endSessions(username);
                withdrawals.withdrawn();
            }
            return StaffView.of(changed);
        });
    }

    @GetMapping("/devices")
    public Mono<List<DeviceView>> devices() {
        return Blocking.call(() -> devices.all().stream()
                .map(d -> new DeviceView(d.deviceId(), d.kind(), d.centreId(), d.revoked(), d.issuedAt()))
                .toList());
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token to a kiosk or display of a centre (replacing the device's earlier token)")
    public Mono<IssuedDevice> issue(@RequestBody NewDevice request) {
        if (request == null) {
            throw RequestRefusal.BODY_REQUIRED.at("");
        }
        if (request.deviceId() == null || !NAME.matcher(request.deviceId()).matches()) {
            throw AccessRefusal.MALFORMED_DEVICE_ID.at("/deviceId");
        }
        if (request.kind() == null) {
            throw CommonRefusal.REQUIRED.at("/kind", "member", "kind");
        }
        if (request.centreId() == null || !CENTRE_ID.matcher(request.centreId()).matches()) {
            throw CommonRefusal.MALFORMED_ID.at("/centreId", "member", "centreId");
        }
        return Blocking.call(() -> {
            catalog.get(request.centreId());
            String token = devices.issue(request.deviceId(), request.kind(), request.centreId(), clock.instant());
            record(new DeviceTokenIssued(
                    request.deviceId(), request.kind().name(), request.centreId(), Acting.id(), clock.instant()));
            withdrawals.withdrawn(); // the device's earlier token, if any, is replaced
            return new IssuedDevice(request.deviceId(), request.kind(), request.centreId(), token);
        });
    }

    @DeleteMapping("/devices/{deviceId}")
    @Operation(
            summary = "Revoke a device's token: it stops working at its next request, and its open live "
                    + "stream ends at once")
    public Mono<DeviceView> revoke(@PathVariable String deviceId) {
        return Blocking.call(() -> {
            if (!devices.revoke(deviceId)) {
                throw AccessRefusal.UNKNOWN_DEVICE.with("device", deviceId);
            }
            withdrawals.withdrawn();
            DeviceView revoked = devices.all().stream()
                    .filter(d -> d.deviceId().equals(deviceId))
                    .findFirst()
                    .map(d -> new DeviceView(d.deviceId(), d.kind(), d.centreId(), d.revoked(), d.issuedAt()))
                    .orElseThrow();
            record(new DeviceTokenRevoked(deviceId, revoked.centreId(), Acting.id(), clock.instant()));
            return revoked;
        });
    }

    @GetMapping("/audit")
    @Operation(
            summary =
                    "Who changed which configuration and when, from the event store: centre settings, slot "
                            + "templates, holidays, staff accounts and device tokens; the latest first, optionally of one centre")
    public Mono<List<Change>> audit(@RequestParam(required = false) @Nullable String centreId) {
        if (centreId != null && !CENTRE_ID.matcher(centreId).matches()) {
            throw RequestRefusal.PARAMETER.at(null, "parameter", "centreId");
        }
        return Blocking.call(() -> audit.changes(centreId));
    }

    /** The change as an event of the staff directory, with the administrator who made it (no secret in it). */
    private void record(DirectoryChange change) {
        commands.sendAndWait(new RecordDirectoryChange(StaffDirectoryMessages.DIRECTORY, change));
    }

    /** A refused password is a 400 whose type names the rule, with the field it concerns. */
    @ExceptionHandler(PasswordPolicy.Refused.class)
    public ProblemDetail passwordRefused(PasswordPolicy.Refused e) {
        ProblemDetail problem = ProblemHandling.problem(e.refusal(), e.values());
        problem.setProperty("field", "password");
        return problem;
    }

    /** The centres an account is limited to: ids of existing centres, each once. */
    private List<String> knownCentres(List<String> centres) {
        if (centres == null) {
            return List.of();
        }
        for (String centre : centres) {
            if (centre == null || catalog.find(centre).isEmpty()) {
                throw AccessRefusal.NO_SUCH_CENTRE.at("/centres", "centre", centre);
            }
        }
        return centres.stream().distinct().toList();
    }
}
