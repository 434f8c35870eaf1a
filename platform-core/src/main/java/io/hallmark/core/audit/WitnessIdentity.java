package io.hallmark.core.audit;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A witness's own key pair (never the platform key of a log it witnesses), kept like the platform key under
 * {@code <data-dir>/witness/keys/}, and its name.
 *
 * @param key the public cosigner key others configure ({@code hallmark witness public-key})
 * @param signer the private half
 */
public record WitnessIdentity(CosignerKey key, Signer signer) {

    /**
     * Loads or makes the witness key under {@code witnessDir/keys}.
     *
     * @param name the witness name; {@code null}: {@code hallmark-witness/<first 12 hex digits of SHA-256(key)>}
     */
    public static WitnessIdentity loadOrCreate(Path witnessDir, @Nullable String name) {
        PlatformKey signer = PlatformKey.loadOrCreate(witnessDir.resolve("keys"));
        byte[] raw = signer.verifierKey().rawKey();
        String n = name != null ? name : "hallmark-witness/" + Hashes.hex(Hashes.sha256(raw)).substring(0, 12);
        return new WitnessIdentity(CosignerKey.of(n, raw), signer);
    }
}
