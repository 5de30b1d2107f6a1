package app.nobat.access.web;

import app.nobat.access.AccessRefusal;
import app.nobat.access.devices.DevicePrincipal;
import app.nobat.access.devices.DeviceTokens;
import app.nobat.platform.web.Blocking;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Devices authenticate with {@code Authorization: Device <token>}; a display's browser, whose
 * EventSource cannot send headers, may give {@code ?device_token=} on GET requests instead.
 */
final class DeviceAuthentication {

    static final String SCHEME = "Device ";
    static final String QUERY = "device_token";

    private DeviceAuthentication() {}

    static final class Token extends AbstractAuthenticationToken {
        private final String token;
        private final DevicePrincipal device;

        Token(String token) {
            super(List.of());
            this.token = token;
            this.device = null;
        }

        Token(DevicePrincipal device) {
            super(List.of(new SimpleGrantedAuthority(device.kind().authority())));
            this.token = null;
            this.device = device;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return device;
        }
    }

    static AuthenticationWebFilter filter(DeviceTokens tokens, ObjectMapper json) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter((Authentication a) -> Blocking.call(
                        () -> tokens.authenticate((String) a.getCredentials()))
                .flatMap(found -> found.map(d -> Mono.<Authentication>just(
                                new Token(new DevicePrincipal(d.deviceId(), d.kind(), d.centreId()))))
                        .orElseGet(() -> Mono.error(new BadCredentialsException("Unknown or revoked device token")))));
        filter.setServerAuthenticationConverter(DeviceAuthentication::convert);
        filter.setAuthenticationFailureHandler((filterExchange, e) ->
                SecurityRules.problem(filterExchange.getExchange(), json, AccessRefusal.BAD_DEVICE_TOKEN, Map.of()));
        return filter;
    }

    private static Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.justOrEmpty(token(exchange)).map(Token::new);
    }

    /** The device token the request carries, or null. */
    static String token(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return header.substring(SCHEME.length()).trim();
        }
        String query = exchange.getRequest().getQueryParams().getFirst(QUERY);
        if (query != null && "GET".equals(exchange.getRequest().getMethod().name())) {
            return query;
        }
        return null;
    }
}
