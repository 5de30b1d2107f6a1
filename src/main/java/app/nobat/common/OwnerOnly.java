package app.nobat.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories that hold the store, the visitors' keys or backups: readable by the account that runs
 * Nobat only. The files inside keep the process's umask, but nobody else can reach them through a
 * directory closed to them (other local users are a threat to the visitors' data, as the embedded
 * store's open port is).
 */
public final class OwnerOnly {

    private OwnerOnly() {}

    /** Creates {@code dir} if needed and closes it to other users where the file system has POSIX modes. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory " + dir.toAbsolutePath(), e);
        }
    }
}
