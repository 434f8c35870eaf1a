package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A public key an administrator trusts to sign plugins; revoked keys stay as history. */
@Entity
@Table(name = "plugin_signing_keys")
public class SigningKeyRecord {

    @Id
    @Column(name = "key_id", length = 16)
    private String keyId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(name = "public_key", nullable = false, columnDefinition = "text")
    private String publicKeyPem;

    @Column(name = "added_by", length = 64)
    private @Nullable String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected SigningKeyRecord() {
        // for Hibernate
    }

    public SigningKeyRecord(String keyId, String name, String publicKeyPem, @Nullable String addedBy) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.name = Objects.requireNonNull(name, "name");
        this.publicKeyPem = Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        this.addedBy = addedBy;
        this.addedAt = Instant.now();
    }

    public String keyId() {
        return keyId;
    }

    public String name() {
        return name;
    }

    public String publicKeyPem() {
        return publicKeyPem;
    }

    public @Nullable String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    public boolean active() {
        return revokedAt == null;
    }

    public void revoke() {
        this.revokedAt = Instant.now();
    }
}
