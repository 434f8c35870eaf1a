package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A content-addressed store for large artifacts (generated images and video, uploads): a blob's name is the
 * lower-case hex SHA-256 of its bytes, so storing the same bytes twice keeps one copy and a name always means
 * the same bytes on every node and in every backend.
 *
 * <p>Implementations stream: neither {@link #put(InputStream)} nor the stream of {@link #open(String)} holds a
 * whole blob in memory. A write is all or nothing: a failed or interrupted write leaves no blob under any name.
 * {@link PostgresBlobStore} (the default, shared by every node on one database) and {@link LocalBlobStore} (one
 * node's data directory) are the backends; {@code blob-store} in the configuration picks one.
 */
public interface BlobStore {

    /**
     * Stores the bytes of {@code in} (read to its end, not closed) and returns their address.
     *
     * @throws BlobTooLargeException when the stream exceeds the store's size limit; nothing is kept
     */
    BlobRef put(InputStream in);

    /** Stores a byte array. */
    default BlobRef put(byte[] bytes) {
        return put(new ByteArrayInputStream(bytes));
    }

    /** Opens a stored blob for reading, or empty when there is none with that hash. */
    Optional<InputStream> open(String sha256);

    /** Whether a blob with that hash is stored. */
    boolean contains(String sha256);

    /** Re-reads a blob and checks that its bytes still hash to its name; false when it is missing or damaged. */
    default boolean verify(String sha256) {
        Optional<InputStream> in = open(sha256);
        if (in.isEmpty()) {
            return false;
        }
        MessageDigest digest = newSha256();
        try (InputStream stream = in.get()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = stream.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return false;
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    /**
     * What the health endpoint shows of this store ({@code kind} and the backend's figures).
     *
     * @throws HallmarkException when the store cannot be reached
     */
    Map<String, Object> describe();

    /** A SHA-256 digest. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
