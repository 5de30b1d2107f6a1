package app.nobat.access.web;

import java.time.Duration;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A live stream lasts only as long as the credential that opened it: the streamed answer of a
 * device or staff member ends when this node is told of a withdrawn credential and the stream's own
 * fails its check, and at the latest at the next periodic check (for withdrawals made on another
 * node). Answers that are not streamed are not watched; open streams (tracking) carry no credential.
 */
final class CredentialWatch implements WebFilter {

    private final CredentialCheck check;
    private final CredentialChanges changes;
    private final Duration every;

    CredentialWatch(CredentialCheck check, CredentialChanges changes, Duration every) {
        this.check = check;
        this.changes = changes;
        this.every = every;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> exchange.mutate()
                        .response(watched(exchange, authentication))
                        .build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    private ServerHttpResponseDecorator watched(ServerWebExchange exchange, Authentication authentication) {
        Mono<Boolean> withdrawn = Flux.merge(Flux.interval(every, every), changes.asFlux())
                .onBackpressureDrop()
                .concatMap(signal -> check.stillValid(authentication, exchange).onErrorReturn(false), 1)
                .filter(valid -> !valid)
                .next();
        return new ServerHttpResponseDecorator(exchange.getResponse()) {
            // Server-Sent Events (and any other streamed answer) are written through this method
            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return super.writeAndFlushWith(Flux.from(body).takeUntilOther(withdrawn));
            }
        };
    }
}
