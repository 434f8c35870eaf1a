package io.hallmark.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * A witness's public key for C2SP {@code tlog-cosignature} v1 (Ed25519): the key ID is
 * {@code SHA-256(name || "\n" || 0x04 || key)[:4]} and the key is published as a vkey
 * {@code name+<8 hex digits key ID>+base64(0x04 || key)}.
 */
public record CosignerKey(String name, byte[] rawKey, byte[] keyId) {

    /** The signature type byte of Ed25519 cosignatures (v1). */
    static final byte COSIGNATURE_V1 = 0x04;

    public CosignerKey {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("Witness name must be non-empty without spaces or '+': '" + name + "'");
        }
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes, got " + rawKey.length);
        }
    }

    public static CosignerKey of(String name, byte[] rawKey) {
        MessageDigest d = Hashes.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(COSIGNATURE_V1);
        d.update(rawKey);
        return new CosignerKey(name, rawKey.clone(), Arrays.copyOf(d.digest(), 4));
    }

    /** Parses {@code name+keyid+base64(0x04 || key)} and checks the key ID. */
    public static CosignerKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a witness key (expected name+keyid+base64): '" + vkey + "'");
        }
        byte[] body;
        try {
            body = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Witness key '" + parts[0] + "' is not base64");
        }
        if (body.length != 33 || body[0] != COSIGNATURE_V1) {
            throw new IllegalArgumentException("Witness key '" + parts[0] + "' is not an Ed25519 cosignature (0x04) key");
        }
        CosignerKey key = of(parts[0], Arrays.copyOfRange(body, 1, 33));
        if (!Hashes.hex(key.keyId()).equalsIgnoreCase(parts[1])) {
            throw new IllegalArgumentException("Witness key '" + parts[0] + "' has key ID " + parts[1]
                    + " but its key hashes to " + Hashes.hex(key.keyId()));
        }
        return key;
    }

    public String encoded() {
        byte[] body = new byte[33];
        body[0] = COSIGNATURE_V1;
        System.arraycopy(rawKey, 0, body, 1, 32);
        return name + "+" + Hashes.hex(keyId) + "+" + Base64.getEncoder().encodeToString(body);
    }

    boolean verify(byte[] message, byte[] signature) {
        return VerifierKey.of(name, rawKey).verify(message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosignerKey k && name.equals(k.name) && Arrays.equals(rawKey, k.rawKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(rawKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
