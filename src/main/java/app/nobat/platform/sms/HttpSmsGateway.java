package app.nobat.platform.sms;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A national provider's HTTP API: the request is configured, not coded. {@code {to}}, {@code {text}}
 * and {@code {reference}} in the URL and the body are replaced by the recipient, the message and our
 * reference, escaped for where they stand (the URL: URL-encoded; a JSON body: a JSON string's
 * content; a form body: URL-encoded). A 2xx answer is taken; 429 and 5xx are refusals worth
 * retrying; other answers are refusals that a retry cannot mend; a timeout or a broken connection
 * is unknown.
 */
public class HttpSmsGateway implements SmsGateway {

    /**
     * @param headers extra request headers, e.g. an API key; values come from the environment
     * @param username with {@code password}, HTTP basic authentication when not blank
     */
    public record Settings(
            String url,
            String method,
            String contentType,
            String body,
            Map<String, String> headers,
            String username,
            String password,
            Duration timeout) {}

    private final Settings settings;
    private final HttpClient client;

    public HttpSmsGateway(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Outcome send(OutgoingSms sms) {
        HttpRequest request;
        try {
            request = request(sms);
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused("the configured request is invalid: " + e.getMessage(), false);
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome.Accepted(List.of(sms.reference()));
            }
            return new Outcome.Refused("HTTP " + status, status == 429 || status >= 500);
        } catch (ConnectException notConnected) {
            return new Outcome.Refused("connection refused", true);
        } catch (HttpTimeoutException timedOut) {
            return new Outcome.Unknown("timeout");
        } catch (IOException broken) {
            return new Outcome.Unknown(broken.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unknown("interrupted");
        }
    }

    HttpRequest request(OutgoingSms sms) {
        UnaryOperator<String> inUrl = v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        String contentType = settings.contentType() == null ? "" : settings.contentType();
        UnaryOperator<String> inBody = contentType.contains("json")
                ? HttpSmsGateway::jsonContent
                : contentType.contains("x-www-form-urlencoded") ? inUrl : UnaryOperator.identity();
        String method = settings.method() == null || settings.method().isBlank()
                ? "POST"
                : settings.method().toUpperCase(Locale.ROOT);
        String body = settings.body() == null ? "" : fill(settings.body(), sms, inBody);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fill(settings.url(), sms, inUrl)))
                .timeout(settings.timeout())
                .method(
                        method,
                        method.equals("GET") || body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!contentType.isBlank() && !body.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        if (settings.headers() != null) {
            settings.headers().forEach(builder::header);
        }
        if (settings.username() != null && !settings.username().isBlank()) {
            String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private static String fill(String template, OutgoingSms sms, UnaryOperator<String> escape) {
        return template.replace("{to}", escape.apply(sms.phone()))
                .replace("{text}", escape.apply(sms.text()))
                .replace("{reference}", escape.apply(sms.reference()));
    }

    /** The inside of a JSON string. */
    static String jsonContent(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
