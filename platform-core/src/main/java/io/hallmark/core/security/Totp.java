package io.hallmark.core.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 30-second steps, 6 digits), as
 * authenticator apps compute them, with the secret shown in Base32 (RFC 4648) and as an {@code otpauth://} URI.
 */
public final class Totp {

    /** Seconds per step. */
    public static final int STEP_SECONDS = 30;
    /** Digits per code. */
    public static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {}

    /** A new random secret of 20 bytes (160 bits, as RFC 4226 recommends), in Base32. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        new java.security.SecureRandom().nextBytes(secret);
        return base32(secret);
    }

    /** The HOTP value of {@code counter} (RFC 4226 section 5.3), {@code digits} long, zero-padded. */
    static String hotp(byte[] key, long counter, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + algorithm + " is not available: " + e.getMessage(), e);
        }
    }

    /** The step a moment falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a Base32 secret at a moment. */
    public static String code(String base32Secret, Instant at) {
        return hotp(decodeBase32(base32Secret), step(at), DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code {@code code} is, within one step of {@code now} either way (clock drift), and later than
     * {@code lastUsedStep} (a code works once); empty when none matches.
     */
    public static OptionalLong verify(String base32Secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = decodeBase32(base32Secret);
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (s > lastUsedStep && Secrets.equal(hotp(key, s, DIGITS, "HmacSHA1"), code)) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The URI authenticator apps read (Google's Key Uri Format): issuer Hallmark, the user as account. */
    public static String uri(String username, String base32Secret) {
        String label = java.net.URLEncoder.encode("Hallmark:" + username, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=Hallmark&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** RFC 4648 Base32 without padding. */
    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** RFC 4648 Base32, case-insensitive, padding and spaces ignored. */
    static byte[] decodeBase32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a Base32 character");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
