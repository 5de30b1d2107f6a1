package app.nobat.access.web;

import app.nobat.access.devices.DevicePrincipal;
import app.nobat.access.staff.StaffRole;
import app.nobat.common.Actor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Names who makes a request, once it is authenticated: a staff member by username and highest role,
 * a kiosk or display by device id and kind. The name goes into the Reactor context, from where every
 * command the request sends carries it (docs/design.md: the staff member's id is on every event they cause).
 */
final class RequestActor {

    private RequestActor() {}

    static WebFilter filter() {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(auth -> Mono.justOrEmpty(of(auth)))
                .map(actor -> Context.of(Actor.class, actor))
                .defaultIfEmpty(Context.empty())
                .flatMap(context -> chain.filter(exchange).contextWrite(context));
    }

    static Optional<Actor> of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof DevicePrincipal device) {
            return Optional.of(
                    new Actor("device:" + device.deviceId(), device.kind().name()));
        }
        Set<String> granted = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Arrays.stream(StaffRole.values())
                .filter(r -> granted.contains(r.authority()))
                .max(Comparator.naturalOrder())
                .map(role -> new Actor(auth.getName(), role.name()));
    }
}
