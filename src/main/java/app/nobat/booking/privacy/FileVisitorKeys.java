package app.nobat.booking.privacy;

import app.nobat.common.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Visitor keys as one small file each, in a directory apart from the data directory (so that a
 * copy of the data directory carries no keys). A key's file is written whole and synced before
 * its data is stored; destroying it deletes the file, so no later reader of the directory finds it.
 */
public class FileVisitorKeys implements VisitorKeys {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final int KEY_BYTES = 32;

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    public FileVisitorKeys(Path dir) {
        this.dir = OwnerOnly.directory(dir.toAbsolutePath());
    }

    @Override
    public byte[] create(String visitorRef) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        Path file = fileOf(visitorRef);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".new");
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a visitor key under " + dir, e);
        }
        return key;
    }

    @Override
    public Optional<byte[]> find(String visitorRef) {
        try {
            byte[] key = Files.readAllBytes(fileOf(visitorRef));
            return key.length == KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a visitor key under " + dir, e);
        }
    }

    @Override
    public void destroy(String visitorRef) {
        try {
            Files.deleteIfExists(fileOf(visitorRef));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot destroy a visitor key under " + dir, e);
        }
    }

    /** Spread over subdirectories by the first two characters, so that no directory grows very large. */
    private Path fileOf(String visitorRef) {
        if (visitorRef == null || !REF.matcher(visitorRef).matches()) {
            throw new IllegalArgumentException("A visitor reference is 8 to 64 URL-safe characters");
        }
        return dir.resolve(visitorRef.substring(0, 2)).resolve(visitorRef + ".key");
    }
}
