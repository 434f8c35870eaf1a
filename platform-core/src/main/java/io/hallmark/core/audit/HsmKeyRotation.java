package io.hallmark.core.audit;

import io.hallmark.core.config.HallmarkConfig;
import java.nio.file.Path;

/**
 * {@code hallmark audit rotate-key --pkcs11-key NEW [--generate]}: replaces the audit trail's signer by the Ed25519 key
 * pair {@code NEW} on the configured HSM token (made there first with {@code --generate}). The rotation is the same
 * audited event as for a key file ({@link AuditKeyRegistry#rotate}: endorsed by the old key, inside the HSM when that
 * is where it lives), and the new key's public half is recorded in the data directory ({@link
 * PlatformKey#recordSigner}) so that offline checks trust what it signs. The old key stays registered, so what it
 * signed stays verifiable; a node still configured with it refuses to sign ({@link AuditKeyRegistry}).
 */
public final class HsmKeyRotation {

    /** What was rotated: the previous key, the new key, and the sequence number of the rotation event. */
    public record Result(VerifierKey previous, VerifierKey key, long auditSeq) {}

    private HsmKeyRotation() {}

    /** Rotates {@code trail}'s signer to the HSM key {@code label}; {@code keysDir} is the data directory's keys. */
    public static Result rotate(HallmarkConfig config, AuditTrail trail, Path keysDir, String label, boolean generate,
            String actor, String reason) {
        Signer current = trail.signer();
        try (Pkcs11Signer next = AuditSettings.hsmKey(config, label, generate)) {
            long seq = trail.keys().rotate(current, next, actor, reason);
            PlatformKey.recordSigner(keysDir, next.verifierKey());
            return new Result(current.verifierKey(), next.verifierKey(), seq);
        }
    }
}
