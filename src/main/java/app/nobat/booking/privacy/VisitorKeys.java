package app.nobat.booking.privacy;

import java.util.Optional;

/**
 * The per-visitor keys that personal data is encrypted with, kept apart from the data itself:
 * destroying a visitor's key erases their data wherever a copy of it survives (old pages of the
 * store's file, a backup, a replica's journal), which deleting a document cannot promise.
 */
public interface VisitorKeys {

    /** A new random AES-256 key for {@code visitorRef}, stored durably before it is returned. */
    byte[] create(String visitorRef);

    Optional<byte[]> find(String visitorRef);

    /** Destroys the key for good; nothing if there is none. */
    void destroy(String visitorRef);
}
