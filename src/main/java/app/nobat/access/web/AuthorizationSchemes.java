package app.nobat.access.web;

import app.nobat.access.AccessRefusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.WebFilter;

/**
 * An Authorization header is a claim to be someone: it must be one of the schemes this application
 * checks (Basic for staff, Device for kiosks and displays) with a well-formed credential after it. Anything
 * else is refused rather than ignored, so that no header passes for a credential it is not.
 */
final class AuthorizationSchemes {

    private AuthorizationSchemes() {}

    static WebFilter filter(ObjectMapper json) {
        return (exchange, chain) -> {
            List<String> headers = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
            if (headers.isEmpty() || (headers.size() == 1 && known(headers.get(0)))) {
                return chain.filter(exchange);
            }
            return SecurityRules.problem(exchange, json, AccessRefusal.UNSUPPORTED_AUTHORIZATION, Map.of());
        };
    }

    static boolean known(String header) {
        int space = header.indexOf(' ');
        if (space <= 0 || header.substring(space + 1).isBlank()) {
            return false;
        }
        String scheme = header.substring(0, space);
        if ("Basic".equalsIgnoreCase(scheme)) {
            return basicCredentials(header.substring(space + 1).trim());
        }
        return "Device".equalsIgnoreCase(scheme);
    }

    /** Spring Security passes malformed Basic credentials over as no credentials: refused here instead. */
    private static boolean basicCredentials(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
