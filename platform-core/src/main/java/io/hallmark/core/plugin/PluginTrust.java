package io.hallmark.core.plugin;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.signing.PluginArchiveVerifier;
import io.hallmark.api.signing.PluginSignatureException;
import io.hallmark.api.signing.VerifiedArchive;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust room of the plugin host: the Ed25519 keys an administrator trusts to sign plugins, and the signature
 * check of every archive (unsigned archives only in development mode).
 */
final class PluginTrust {

    private static final Logger log = LoggerFactory.getLogger(PluginTrust.class);

    private final PluginStore store;
    private final AuditLog audit;
    private final PluginSettings settings;

    PluginTrust(PluginStore store, AuditLog audit, PluginSettings settings) {
        this.store = store;
        this.audit = audit;
        this.settings = settings;
    }

    /** Trusts a public key (PEM text) to sign plugins, recorded in the audit log. */
    public TrustedKeyView trustKey(String publicKeyPem, String name, String actor) {
        java.security.PublicKey key;
        try {
            key = io.hallmark.api.signing.SigningKeys.parsePublicPem(publicKeyPem);
        } catch (io.hallmark.api.HallmarkException e) {
            throw new InvalidRequestException("Not an Ed25519 public key in PEM form: " + e.getMessage());
        }
        if (name.isBlank() || name.length() > 128) {
            throw InvalidRequestException.of("name", "Key name must be 1-128 characters");
        }
        var record = store.trust(key, name, actor);
        audit.append(actor, "key.trusted", record.keyId(), Map.of("name", name, "purpose", "plugin-signing"));
        return keyView(record);
    }

    /** Revokes a trusted key; plugins signed with it are refused from now on and fail at the next start. */
    public void revokeKey(String keyId, String actor) {
        if (!store.revoke(keyId)) {
            throw new PluginUnavailableException("No trusted key with id '" + keyId + "'; trusted: "
                    + store.keys().stream().filter(k -> k.active()).map(k -> k.keyId()).toList(), true);
        }
        audit.append(actor, "key.revoked", keyId, Map.of("purpose", "plugin-signing"));
    }

    /** Every key ever trusted, revoked ones included. */
    public List<TrustedKeyView> trustedKeys() {
        return store.keys().stream().map(PluginTrust::keyView).toList();
    }

    private static TrustedKeyView keyView(io.hallmark.core.persistence.SigningKeyRecord r) {
        return new TrustedKeyView(r.keyId(), r.name(), r.publicKeyPem(), r.addedBy(), r.addedAt(), r.revokedAt());
    }
    VerifiedArchive verify(Path archive) {
        try {
            return PluginArchiveVerifier.verify(archive, store::trustedKey);
        } catch (PluginSignatureException e) {
            if (settings.devMode() && e.getMessage().contains("is not signed")) {
                log.warn("Loading unsigned plugin archive {} because development mode is on", archive.getFileName());
                return new VerifiedArchive(null, sha256(archive), -1);
            }
            throw e;
        }
    }
    /** The SHA-256 of a file, lower-case hex. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new PluginInstallException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
