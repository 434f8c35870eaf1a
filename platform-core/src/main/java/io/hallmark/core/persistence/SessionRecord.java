package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A console login session, stored under the SHA-256 of its cookie value. */
@Entity
@Table(name = "sessions")
public class SessionRecord {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "csrf_token", nullable = false, length = 64)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "client_ip", length = 64)
    private @Nullable String clientIp;

    @Column(name = "user_agent", length = 256)
    private @Nullable String userAgent;

    protected SessionRecord() {
        // for Hibernate
    }

    public SessionRecord(String idHash, UUID userId, String csrfToken, Instant expiresAt, @Nullable String clientIp,
            @Nullable String userAgent) {
        this.id = Objects.requireNonNull(idHash, "idHash");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.csrfToken = Objects.requireNonNull(csrfToken, "csrfToken");
        this.createdAt = Instant.now();
        this.lastSeenAt = createdAt;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.clientIp = clientIp;
        this.userAgent = userAgent == null || userAgent.length() <= 256 ? userAgent : userAgent.substring(0, 256);
    }

    public String id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public void touch(Instant now, Instant newExpiry) {
        this.lastSeenAt = now;
        this.expiresAt = newExpiry;
    }
}
