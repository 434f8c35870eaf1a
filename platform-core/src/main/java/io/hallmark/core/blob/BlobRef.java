package io.hallmark.core.blob;

import java.util.regex.Pattern;

/**
 * A stored blob: the lower-case hex SHA-256 of its bytes, which is also its name, and its size.
 */
public record BlobRef(String sha256, long size) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public BlobRef {
        requireSha256(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("Blob size must not be negative, was " + size);
        }
    }

    /** Checks that a string is a lower-case hex SHA-256 and returns it. */
    public static String requireSha256(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 (64 lower-case hex digits)");
        }
        return sha256;
    }
}
