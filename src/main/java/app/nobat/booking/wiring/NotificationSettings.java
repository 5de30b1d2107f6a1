package app.nobat.booking.wiring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How visitors' messages are sent ({@code nobat.notifications.*}, README "Messages to visitors").
 * The defaults are in application.yml beside the environment variables that set them.
 *
 * @param gateway       log (the demo's: nothing leaves the machine), smpp or http
 * @param perPhone      at most this many messages to one phone within {@code perPhoneWindow}
 * @param maxAttempts   a message the gateway refuses is tried this often in all
 * @param firstRetry    the delay before the second attempt; it doubles with each further one
 * @param sendTimeout   one hand-over (one SMPP part, one HTTP request) waits at most this long
 * @param sendingLease  a message marked sending for longer than this was cut short by a crash: unknown
 * @param pollEvery     how often the outbox is looked at besides when a message is owed
 * @param workerEnabled off in tests that drive the sender themselves
 */
@ConfigurationProperties("nobat.notifications")
public record NotificationSettings(
        String gateway,
        int perPhone,
        Duration perPhoneWindow,
        int maxAttempts,
        Duration firstRetry,
        Duration sendTimeout,
        Duration sendingLease,
        Duration pollEvery,
        Boolean workerEnabled,
        Smpp smpp,
        Http http) {

    public NotificationSettings {
        gateway = gateway == null || gateway.isBlank() ? "log" : gateway;
        perPhone = perPhone <= 0 ? 5 : perPhone;
        perPhoneWindow = perPhoneWindow == null ? Duration.ofMinutes(10) : perPhoneWindow;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        sendingLease = sendingLease == null ? Duration.ofMinutes(2) : sendingLease;
        pollEvery = pollEvery == null ? Duration.ofSeconds(2) : pollEvery;
        workerEnabled = workerEnabled == null || workerEnabled;
        smpp = smpp == null ? new Smpp(null, 0, null, null, null, null, 5, 0) : smpp;
        http = http == null ? new Http(null, null, null, null, null, null, null) : http;
    }

    /**
     * @param password    NOBAT_SMPP_PASSWORD
     * @param source      the sender id (an alphanumeric name or a short code) registered with the operator
     * @param sourceTon   type of number of the source: 5 alphanumeric, 1 international, 3 network specific
     * @param sourceNpi   numbering plan of the source: 0 unknown, 1 ISDN
     */
    public record Smpp(
            String host,
            int port,
            String systemId,
            String password,
            String systemType,
            String source,
            int sourceTon,
            int sourceNpi) {}

    /**
     * @param url         may hold {to}, {text} and {reference}, URL-encoded
     * @param body        may hold the same, escaped for the content type (JSON or form)
     * @param headers     e.g. an API key: {@code Authorization: Bearer ${NOBAT_SMS_TOKEN}}
     * @param username    with {@code password}: basic authentication
     */
    public record Http(
            String url,
            String method,
            String contentType,
            String body,
            Map<String, String> headers,
            String username,
            String password) {}
}
