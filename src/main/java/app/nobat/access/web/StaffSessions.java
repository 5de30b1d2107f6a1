package app.nobat.access.web;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Signed-in sessions that end with their account: every request of a session checks, against the
 * store, that the account is still enabled and in the session generation it signed in with. A
 * session that fails is invalidated there and then, and the request goes on as anonymous.
 */
final class StaffSessions implements ServerSecurityContextRepository {

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final CredentialCheck check;

    StaffSessions(CredentialCheck check) {
        this.check = check;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        // cached: the security context is asked for several times in one request, the store once
        return sessions.load(exchange)
                .filterWhen(context -> context.getAuthentication() == null
                        ? Mono.just(true)
                        : check.stillValid(context.getAuthentication(), exchange)
                                .flatMap(valid -> valid
                                        ? Mono.just(true)
                                        : exchange.getSession()
                                                .flatMap(WebSession::invalidate)
                                                .thenReturn(false)))
                .cache();
    }
}
