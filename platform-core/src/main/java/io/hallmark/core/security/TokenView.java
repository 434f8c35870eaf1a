package io.hallmark.core.security;

import io.hallmark.core.persistence.ApiTokenRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as the API shows it: never its secret. */
public record TokenView(UUID id, String name, String username, List<String> roles, Instant createdAt,
        @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    static TokenView of(ApiTokenRecord r, String username) {
        return new TokenView(r.id(), r.name(), username, r.roles(), r.createdAt(), r.expiresAt(), r.lastUsedAt(),
                r.revokedAt());
    }
}
