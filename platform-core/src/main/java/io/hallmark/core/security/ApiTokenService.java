package io.hallmark.core.security;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ApiTokenRecord;
import io.hallmark.core.persistence.Ids;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.persistence.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for the REST API: {@code hm_<random>} shown once at creation, stored as a SHA-256, scoped to a subset of
 * the user's roles, optionally expiring, revocable. A token never carries more than its user has now.
 */
public final class ApiTokenService {

    static final String PREFIX = "hm_";

    /** A token just made: the secret (shown once) and its record. */
    public record IssuedToken(String token, TokenView info) {}

    private final Database db;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokenService(Database db, UserService users, AuditLog audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a token for {@code username}.
     *
     * @param roles the roles it carries (empty: the user's role); each must be the user's role
     * @param expiresAt when it stops working, or {@code null} for never
     */
    public IssuedToken issue(String username, String name, Set<Role> roles, @Nullable Instant expiresAt, String actor) {
        UserAccount user = users.user(username).orElseThrow(() -> UserService.unknown(username));
        if (name == null || name.isBlank() || name.length() > 128) {
            throw InvalidRequestException.of("name", "Token name must be 1-128 characters");
        }
        Set<Role> scoped = roles.isEmpty() ? EnumSet.of(user.role()) : EnumSet.copyOf(roles);
        if (!scoped.equals(EnumSet.of(user.role()))) {
            throw InvalidRequestException.of("roles", "A token for '" + username + "' can carry only the role "
                    + user.role() + ", not " + scoped);
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidRequestException.of("expiresAt", "The expiry " + expiresAt + " is in the past");
        }
        String secret = PREFIX + Secrets.random(32);
        ApiTokenRecord record = new ApiTokenRecord(Ids.newId(), user.id(), name, Secrets.sha256(secret),
                scoped.stream().map(Role::name).sorted().toList(), expiresAt);
        db.useTransaction(s -> s.persist(record));
        audit.append(actor, "token.created", record.id().toString(), Map.of("user", username, "name", name,
                "roles", record.roles()));
        return new IssuedToken(secret, TokenView.of(record, username));
    }

    /** The principal behind a bearer token; empty when unknown, revoked, expired or the user is disabled. */
    public Optional<Principal> resolve(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        ApiTokenRecord record = db.inTransaction(s -> s.createSelectionQuery(
                "from ApiTokenRecord where tokenHash = :h", ApiTokenRecord.class).setParameter("h", hash)
                .uniqueResultOptional().orElse(null));
        if (record == null || !record.valid(now)) {
            return Optional.empty();
        }
        Optional<UserAccount> user = users.user(record.userId()).filter(UserAccount::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = record.roles().stream().map(Role::valueOf).filter(r -> r == user.get().role())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (record.lastUsedAt() == null || record.lastUsedAt().plusSeconds(60).isBefore(now)) {
            db.useTransaction(s -> s.find(ApiTokenRecord.class, record.id()).used(now));
        }
        return Optional.of(new Principal(user.get().id(), user.get().username(), roles, Principal.Via.TOKEN, null,
                user.get().passwordMustChange()));
    }

    /** Tokens of one user, or of everybody when {@code username} is null. */
    public List<TokenView> list(@Nullable String username) {
        Map<UUID, String> names = users.list().stream().collect(Collectors.toMap(
                u -> users.user(u.username()).orElseThrow().id(), UserView::username));
        return db.inTransaction(s -> s.createSelectionQuery("from ApiTokenRecord order by createdAt", ApiTokenRecord.class)
                .getResultList()).stream()
                .filter(r -> username == null || username.equals(names.get(r.userId())))
                .map(r -> TokenView.of(r, names.getOrDefault(r.userId(), "?"))).toList();
    }

    /** Revokes a token; a user may revoke their own, an administrator any. */
    public void revoke(UUID id, Principal actor) {
        ApiTokenRecord record = db.inTransaction(s -> s.find(ApiTokenRecord.class, id));
        if (record == null || (!actor.has(Role.ADMIN) && !record.userId().equals(actor.userId()))) {
            throw new NotFoundException("token", id.toString(), "No token " + id);
        }
        db.useTransaction(s -> s.find(ApiTokenRecord.class, id).revoke());
        audit.append(actor.username(), "token.revoked", id.toString(), Map.of());
    }
}
