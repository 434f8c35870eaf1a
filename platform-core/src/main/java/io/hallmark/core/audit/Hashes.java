package io.hallmark.core.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and lower-case hex, the hash form every Hallmark table and file uses. */
public final class Hashes {

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    public static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses 64 hex characters into 32 bytes; throws naming the value otherwise. */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("Expected a SHA-256 as 64 hex characters, got '" + hex + "'");
        }
        return HEX.parseHex(hex);
    }
}
