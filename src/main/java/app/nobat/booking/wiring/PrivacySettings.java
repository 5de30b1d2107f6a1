package app.nobat.booking.wiring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How visitors' personal data is kept ({@code nobat.privacy.*}, README "Personal data"). The
 * defaults are in application.yml, beside the environment variables that set them.
 *
 * @param identityKey the HMAC key of the one-appointment-per-identity rule
 * @param retention   personal data is erased this long after the appointment
 * @param keyStore    where per-visitor keys live: files or mongo; blank chooses by the data store
 * @param keyDir      the key files' directory for files; blank: beside the embedded store's
 * @param keyDatabase the key database for mongo; blank: the data database's name + "-keys"
 */
@ConfigurationProperties("nobat.privacy")
public record PrivacySettings(
        String identityKey, Duration retention, String keyStore, String keyDir, String keyDatabase) {

    public PrivacySettings {
        if (retention == null) {
            throw new IllegalStateException("nobat.privacy.retention (NOBAT_RETENTION) is not set");
        }
        keyStore = keyStore == null ? "" : keyStore;
        keyDir = keyDir == null ? "" : keyDir;
        keyDatabase = keyDatabase == null ? "" : keyDatabase;
    }
}
