package io.hallmark.core.audit;

/**
 * Something that signs with the platform's Ed25519 key: checkpoints, retention events, export bundles. The private
 * key stays behind this interface: in a file readable by the owner only ({@link PlatformKey}) or in a hardware
 * security module reached through PKCS#11 ({@link Pkcs11Signer}).
 */
public interface Signer {

    /** The public half, in the C2SP signed-note verifier-key form. */
    VerifierKey verifierKey();

    /** A 64-byte Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message);

    /** The key's name in signed notes. */
    default String name() {
        return verifierKey().name();
    }
}
