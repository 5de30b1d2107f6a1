package app.nobat.access.web;

import app.nobat.access.staff.StaffRole;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Administrators of every centre: the application's own endpoints (metrics, info) tell about all
 * centres at once, so an administrator limited to some centres is refused them, as devices are.
 */
final class AllCentresAdministrator implements ReactiveAuthorizationManager<AuthorizationContext> {

    @Override
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(a -> new AuthorizationDecision(a.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .anyMatch(StaffRole.ADMIN.authority()::equals)
                        && a.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .noneMatch(g -> g.startsWith(StaffRole.CENTRE_AUTHORITY_PREFIX))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
