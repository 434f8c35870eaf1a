package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** An API token: only the SHA-256 of its secret is stored; it carries a subset of its user's roles. */
@Entity
@Table(name = "api_tokens")
public class ApiTokenRecord {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> roles = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected ApiTokenRecord() {
        // for Hibernate
    }

    public ApiTokenRecord(UUID id, UUID userId, String name, String tokenHash, List<String> roles,
            @Nullable Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.name = Objects.requireNonNull(name, "name");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.roles = new ArrayList<>(roles);
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public List<String> roles() {
        return List.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    public void used(Instant when) {
        this.lastUsedAt = when;
    }

    public void revoke() {
        this.revokedAt = Instant.now();
    }

    /** Usable now: not revoked and not expired. */
    public boolean valid(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
