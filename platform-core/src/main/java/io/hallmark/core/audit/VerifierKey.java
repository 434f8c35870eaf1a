package io.hallmark.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 public key in the C2SP signed-note form: {@code <name>+<8 hex digits key hash>+<base64(0x01 || 32
 * byte key)>}, where the key hash is the first four bytes of {@code SHA-256(name || "\n" || 0x01 || key)}.
 * Verification needs nothing else: no database, no private key.
 */
public record VerifierKey(String name, byte[] rawKey, byte[] keyHash) {

    private static final byte ED25519 = 0x01;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 key bytes. */
    private static final byte[] X509_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    public VerifierKey {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("Key name must be non-empty without spaces or '+': '" + name + "'");
        }
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes, got " + rawKey.length);
        }
    }

    public static VerifierKey of(String name, byte[] rawKey) {
        return new VerifierKey(name, rawKey.clone(), keyHash(name, rawKey));
    }

    static byte[] keyHash(String name, byte[] rawKey) {
        MessageDigest d = Hashes.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519);
        d.update(rawKey);
        return Arrays.copyOf(d.digest(), 4);
    }

    /** Parses the {@code name+hash+base64} form and checks that the hash matches. */
    public static VerifierKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a verifier key (expected name+keyhash+base64): '" + vkey + "'");
        }
        byte[] body = Base64.getDecoder().decode(parts[2]);
        if (body.length != 33 || body[0] != ED25519) {
            throw new IllegalArgumentException("Verifier key '" + parts[0] + "' is not an Ed25519 key");
        }
        VerifierKey key = of(parts[0], Arrays.copyOfRange(body, 1, 33));
        if (!key.keyHashHex().equalsIgnoreCase(parts[1])) {
            throw new IllegalArgumentException("Verifier key '" + parts[0] + "' has key hash " + parts[1]
                    + " but its key hashes to " + key.keyHashHex());
        }
        return key;
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    public String keyHashHex() {
        return Hashes.hex(keyHash);
    }

    public String encoded() {
        byte[] body = new byte[33];
        body[0] = ED25519;
        System.arraycopy(rawKey, 0, body, 1, 32);
        return name + "+" + keyHashHex() + "+" + Base64.getEncoder().encodeToString(body);
    }

    public PublicKey publicKey() {
        try {
            byte[] der = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(rawKey, 0, der, X509_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build an Ed25519 public key", e);
        }
    }

    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey());
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && name.equals(k.name) && Arrays.equals(rawKey, k.rawKey);
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
