package io.hallmark.core.plugin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A key administrators trust to sign plugins.
 *
 * @param keyId the key id (16 hex digits)
 * @param name a human name
 * @param publicKeyPem the public key
 * @param addedBy who trusted it
 * @param addedAt when
 * @param revokedAt when it was revoked, or {@code null} while trusted
 */
public record TrustedKeyView(String keyId, String name, String publicKeyPem, @Nullable String addedBy, Instant addedAt,
        @Nullable Instant revokedAt) {}
