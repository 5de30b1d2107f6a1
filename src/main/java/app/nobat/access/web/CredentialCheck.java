package app.nobat.access.web;

import app.nobat.access.devices.DevicePrincipal;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.platform.web.Blocking;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whether a credential that was good when a request began is good still: a device's token not
 * revoked nor replaced, a staff account not disabled and still in the session generation it was
 * signed in with (a password or role change, or disabling, starts a new one). Read from the store,
 * so that a change made through any node holds on every node.
 */
final class CredentialCheck {

    private final StaffAccounts accounts;
    private final DeviceTokens devices;

    CredentialCheck(StaffAccounts accounts, DeviceTokens devices) {
        this.accounts = accounts;
        this.devices = devices;
    }

    Mono<Boolean> stillValid(Authentication authentication, ServerWebExchange exchange) {
        if (authentication.getPrincipal() instanceof SignedInStaff staff) {
            return Blocking.call(() -> accounts.find(staff.getUsername())
                    .filter(a -> !a.disabled() && a.sessionGeneration() == staff.sessionGeneration())
                    .isPresent());
        }
        if (authentication.getPrincipal() instanceof DevicePrincipal device) {
            String token = DeviceAuthentication.token(exchange);
            return Blocking.call(() -> devices.authenticate(token)
                    .filter(d -> d.deviceId().equals(device.deviceId()))
                    .isPresent());
        }
        return Mono.just(true);
    }
}
