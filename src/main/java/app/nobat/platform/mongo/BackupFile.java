package app.nobat.platform.mongo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.RawBsonDocument;

/**
 * The backup file of a store: a magic line, a header (one JSON line: format version, the last event
 * index, the documents per collection, the payload's length and SHA-256), then the payload: gzip of
 * sections, one per collection, each a name and its documents as BSON. A file is written beside its
 * final name and renamed when whole, and read back only after its length, digest and counts agree
 * with its header, so a corrupt or truncated file is refused before anything is written.
 */
public final class BackupFile {

    public static final int FORMAT = 1;
    static final String MAGIC = "NOBAT-BACKUP";
    private static final int MAX_HEADER = 64 * 1024;
    private static final int SECTION = 1;
    private static final int DOCUMENT = 2;
    private static final int END = 0;
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What the header says; {@code collections} maps each collection to its number of documents. */
    public record Header(
            int format,
            Instant createdAt,
            String database,
            long lastEventIndex,
            Map<String, Long> collections,
            long payloadBytes,
            String payloadSha256) {

        public long documents() {
            return collections.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A file that cannot be restored; the message says why, for an administrator. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Receives a file's collections in order, each document as BSON. */
    public interface Reader {
        void collection(String name) throws IOException;

        void document(RawBsonDocument document) throws IOException;
    }

    private BackupFile() {}

    /** Writes the payload's sections one by one; {@link #finish} makes the file. */
    public static final class Writer implements AutoCloseable {
        private final Path target;
        private final Path payload;
        private final MessageDigest digest;
        private final DataOutputStream out;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private String current;
        private boolean finished;

        public Writer(Path target) throws IOException {
            this.target = target;
            this.payload = target.resolveSibling(target.getFileName() + ".payload");
            this.digest = sha256();
            OutputStream file = Files.newOutputStream(payload);
            this.out = new DataOutputStream(new GZIPOutputStream(
                    new BufferedOutputStream(new DigestOutputStream(file, digest), 1 << 16), 1 << 16));
        }

        public void collection(String name) throws IOException {
            if (counts.containsKey(name)) {
                throw new IllegalArgumentException("collection " + name + " written twice");
            }
            out.writeByte(SECTION);
            out.writeUTF(name);
            counts.put(name, 0L);
            current = name;
        }

        public void document(RawBsonDocument document) throws IOException {
            ByteBuffer bytes = document.getByteBuffer().asNIO();
            out.writeByte(DOCUMENT);
            out.writeInt(bytes.remaining());
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            counts.merge(current, 1L, Long::sum);
        }

        /** Writes the header and the payload under the target's name. */
        public Header finish(Instant createdAt, String database, long lastEventIndex) throws IOException {
            out.writeByte(END);
            out.close();
            Header header = new Header(
                    FORMAT,
                    createdAt,
                    database,
                    lastEventIndex,
                    Map.copyOf(counts),
                    Files.size(payload),
                    HexFormat.of().formatHex(digest.digest()));
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                file.write((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
                file.write(JSON.writeValueAsBytes(new LinkedHashMap<>(Map.of("header", header))));
                file.write('\n');
                Files.copy(payload, file);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(payload);
            finished = true;
            return header;
        }

        @Override
        public void close() throws IOException {
            out.close();
            if (!finished) {
                Files.deleteIfExists(payload);
            }
        }
    }

    /**
     * Checks the whole file against its header (length, SHA-256, then every section and count) and
     * hands nothing to anyone; throws {@link Refused} saying what is wrong.
     */
    public static Header verify(Path file) {
        return read(file, null);
    }

    /** Verifies the file, then reads it into {@code reader}. */
    public static Header read(Path file, Reader reader) {
        Header header = verifyDigest(file);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            skipHeader(file, in);
            DataInputStream data =
                    new DataInputStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16));
            String current = null;
            while (true) {
                int kind = data.readUnsignedByte();
                if (kind == END) {
                    break;
                } else if (kind == SECTION) {
                    current = data.readUTF();
                    if (counts.putIfAbsent(current, 0L) != null) {
                        throw new Refused(file + ": collection " + current + " appears twice");
                    }
                    if (reader != null) {
                        reader.collection(current);
                    }
                } else if (kind == DOCUMENT && current != null) {
                    RawBsonDocument document = readDocument(file, data);
                    counts.merge(current, 1L, Long::sum);
                    if (reader != null) {
                        reader.document(document);
                    }
                } else {
                    throw new Refused(file + ": the payload is malformed (record kind " + kind + ")");
                }
            }
        } catch (EOFException e) {
            throw new Refused(file + ": the payload ends too early", e);
        } catch (IOException e) {
            throw new Refused(file + ": the payload cannot be read: " + e.getMessage(), e);
        }
        if (!counts.equals(header.collections())) {
            throw new Refused(
                    file + ": the payload holds " + counts + " documents, the header says " + header.collections());
        }
        return header;
    }

    private static RawBsonDocument readDocument(Path file, DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 5 || length > 16 * 1024 * 1024) {
            throw new Refused(file + ": a document has an impossible length " + length);
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        // a BSON document starts with its own length and ends with a zero byte
        if (ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt() != length || bytes[length - 1] != 0) {
            throw new Refused(file + ": a document is malformed");
        }
        return new RawBsonDocument(bytes);
    }

    /** Reads the header and checks the payload's length and digest, reading the file once. */
    private static Header verifyDigest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Refused(file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Header header = skipHeader(file, in);
            MessageDigest digest = sha256();
            long length;
            try (DigestInputStream payload = new DigestInputStream(in, digest)) {
                length = payload.transferTo(OutputStream.nullOutputStream());
            }
            if (length != header.payloadBytes()) {
                throw new Refused(file + ": the payload has " + length + " bytes, the header says "
                        + header.payloadBytes() + " (a truncated or appended file)");
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equals(header.payloadSha256())) {
                throw new Refused(file + ": the payload's SHA-256 is " + sha + ", the header says "
                        + header.payloadSha256() + " (a corrupt file)");
            }
            return header;
        } catch (IOException e) {
            throw new Refused(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Header skipHeader(Path file, InputStream in) throws IOException {
        String magic = line(in, MAGIC.length() + 1);
        if (!MAGIC.equals(magic)) {
            throw new Refused(file + ": not a Nobat backup file");
        }
        String json = line(in, MAX_HEADER);
        if (json == null) {
            throw new Refused(file + ": the header is missing or cut short");
        }
        Header header;
        try {
            header = JSON.readValue(json, HeaderLine.class).header();
        } catch (IOException e) {
            throw new Refused(file + ": the header is unreadable", e);
        }
        if (header == null || header.collections() == null || header.payloadSha256() == null) {
            throw new Refused(file + ": the header is incomplete");
        }
        if (header.format() != FORMAT) {
            throw new Refused(file + ": format " + header.format() + "; this version reads format " + FORMAT);
        }
        return header;
    }

    record HeaderLine(Header header) {}

    /** One line of at most {@code max} bytes without its newline; null when none ends within it. */
    private static String line(InputStream in, int max) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i <= max; i++) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
