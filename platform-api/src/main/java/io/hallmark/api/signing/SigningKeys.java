package io.hallmark.api.signing;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 key pairs for signing plugins: generation, PEM files, and the key id (the first 16 hex digits of the
 * SHA-256 of the encoded public key) that names a key in signatures and in the host's trust store.
 */
public final class SigningKeys {

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private SigningKeys() {}

    /** A new Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    /** The key id: the first 16 hex digits of SHA-256 over the X.509 encoding of the public key. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Writes {@code <name>.key} (private, readable by the owner only) and {@code <name>.pub} into {@code dir}.
     *
     * @return the private key file
     */
    public static Path write(KeyPair pair, Path dir, String name) {
        Path privateFile = dir.resolve(name + ".key");
        Path publicFile = dir.resolve(name + ".pub");
        try {
            Files.createDirectories(dir);
            if (Files.exists(privateFile)) {
                throw new HallmarkException("Key file " + privateFile + " exists already; choose another name");
            }
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicFile, publicPem(pair.getPublic()), StandardCharsets.US_ASCII);
            return privateFile;
        } catch (IOException e) {
            throw new HallmarkException("Cannot write key files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The public key in PEM form. */
    public static String publicPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** Reads a private key written by {@link #write}. */
    public static PrivateKey readPrivate(Path file) {
        byte[] der = readPem(file, PRIVATE_LABEL);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new HallmarkException("File " + file + " is not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** Reads a public key file. */
    public static PublicKey readPublic(Path file) {
        return parsePublic(readPem(file, PUBLIC_LABEL), file.toString());
    }

    /** Parses a public key from its PEM text. */
    public static PublicKey parsePublicPem(String pem) {
        return parsePublic(decodePem(pem, PUBLIC_LABEL, "the given text"), "the given text");
    }

    /** Derives the public key of an Ed25519 private key read from a file written by {@link #write}. */
    public static PublicKey publicKeyFor(Path privateKeyFile) {
        Path publicFile = privateKeyFile.resolveSibling(
                privateKeyFile.getFileName().toString().replaceFirst("\\.key$", "") + ".pub");
        if (!Files.isRegularFile(publicFile)) {
            throw new HallmarkException("Public key " + publicFile + " not found next to " + privateKeyFile
                    + "; keep the .pub file written by 'hallmark plugins keygen' beside the .key file");
        }
        return readPublic(publicFile);
    }

    private static PublicKey parsePublic(byte[] der, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new HallmarkException(source + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] readPem(Path file, String label) {
        try {
            return decodePem(Files.readString(file, StandardCharsets.US_ASCII), label, file.toString());
        } catch (IOException e) {
            throw new HallmarkException("Cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decodePem(String text, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new HallmarkException(source + " holds no '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new HallmarkException(source + " has a corrupt " + label + " block: " + e.getMessage(), e);
        }
    }
}
