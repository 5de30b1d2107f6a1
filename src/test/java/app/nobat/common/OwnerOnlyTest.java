package app.nobat.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path temp;

    @Test
    void aNewOrExistingDirectoryIsClosedToOtherUsers() throws Exception {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX file system");
        Path fresh = OwnerOnly.directory(temp.resolve("data/keys"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rwx------");

        Path open = Files.createDirectory(temp.resolve("backups"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnly.directory(open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open)))
                .isEqualTo("rwx------");
    }
}
