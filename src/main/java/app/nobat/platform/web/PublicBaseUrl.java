package app.nobat.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address visitors reach the centre's pages at, from configuration ({@code nobat.public-base-url}).
 * Links that leave the building (the QR code on a printed ticket) are built from it and never from
 * the request: a forged {@code Host} header must not put another site's address on a ticket.
 */
public record PublicBaseUrl(URI base) {

    public static final String SETTING = "nobat.public-base-url (NOBAT_PUBLIC_BASE_URL)";

    public PublicBaseUrl {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!base.isAbsolute()
                || !(scheme.equals("http") || scheme.equals("https"))
                || base.getHost() == null
                || base.getRawUserInfo() != null
                || base.getRawQuery() != null
                || base.getRawFragment() != null) {
            throw new IllegalArgumentException(SETTING + " must be an http or https address with a host and "
                    + "without user, query or fragment, e.g. https://nobat.example.org");
        }
    }

    /** Refuses to start without an address: there is no safe guess (the request's Host is what an attacker sends). */
    public static PublicBaseUrl configured(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(SETTING + " is not set: it is the address that the QR code on a "
                    + "printed ticket opens on a visitor's phone (README, \"Production\")");
        }
        try {
            return new PublicBaseUrl(new URI(value.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(SETTING + " is not an address: " + e.getReason());
        }
    }

    /** A page of the application under the base address, with one query parameter. */
    public URI page(String path, String parameter, String value) {
        return page(path, Map.of(parameter, value));
    }

    /** A page with query parameters in their given order (a {@link java.util.LinkedHashMap} keeps it). */
    public URI page(String path, Map<String, String> query) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        UriComponentsBuilder page = UriComponentsBuilder.fromUri(base).replacePath(basePath + path);
        query.forEach(page::queryParam);
        return page.encode().build().toUri();
    }
}
