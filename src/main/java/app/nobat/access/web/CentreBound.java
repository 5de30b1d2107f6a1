package app.nobat.access.web;

import app.nobat.access.devices.DeviceKind;
import app.nobat.access.devices.DevicePrincipal;
import app.nobat.access.staff.StaffRole;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/** Staff of the given roles, or a device of the given kinds at the centre named in the path. */
final class CentreBound implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final Set<DeviceKind> devices;
    private final Set<String> staff;

    CentreBound(DeviceKind device, StaffRole... roles) {
        this(Set.of(device), roles);
    }

    CentreBound(Set<DeviceKind> devices, StaffRole... roles) {
        this.devices = Set.copyOf(devices);
        this.staff = Arrays.stream(roles).map(StaffRole::authority).collect(Collectors.toSet());
    }

    @Override
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        Object centre = context.getVariables().get("centreId");
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(a -> new AuthorizationDecision(
                        a.getAuthorities().stream().anyMatch(g -> staff.contains(g.getAuthority()))
                                || (a.getPrincipal() instanceof DevicePrincipal d
                                        && devices.contains(d.kind())
                                        && d.centreId().equals(centre))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
