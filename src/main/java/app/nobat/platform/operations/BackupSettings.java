package app.nobat.platform.operations;

import jakarta.annotation.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups of the embedded store (README, "Backup and restore").
 *
 * @param folder where backups are written; default: the data directory's path + {@code -backups}
 * @param cron when the scheduled backup runs (Spring cron, the server's zone); {@code -} turns it off
 * @param keep how many backups the folder keeps: the oldest beyond these go after each new one
 * @param restore a backup file to restore into a fresh data directory at start-up (read by the store's
 *     configuration, before the store opens)
 */
@ConfigurationProperties("nobat.backup")
public record BackupSettings(
        @Nullable String folder,
        String cron,
        Integer keep,
        @Nullable String restore) {

    public BackupSettings {
        cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
        keep = keep == null ? 14 : keep;
        if (keep < 1) {
            throw new IllegalArgumentException("nobat.backup.keep must be at least 1");
        }
    }
}
