package io.hallmark.core.security;

import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.SessionRecord;
import io.hallmark.core.persistence.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Console sessions: a random cookie value whose SHA-256 is the stored id, a CSRF token, an idle timeout
 * (sliding, at most once a minute written back) and an absolute lifetime.
 */
public final class SessionService {

    /** Idle time after which a session ends. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** The longest a session lives, active or not. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);

    /** A new session: the cookie value (shown to the browser once) and its CSRF token. */
    public record NewSession(String cookieValue, String csrfToken, Instant expiresAt, UserView user) {}

    private final Database db;
    private final UserService users;
    private final Clock clock;

    public SessionService(Database db, UserService users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    public NewSession start(UserAccount user, @Nullable String clientIp, @Nullable String userAgent) {
        String cookie = Secrets.random(32);
        String csrf = Secrets.random(24);
        Instant expires = clock.instant().plus(IDLE);
        db.useTransaction(s -> s.persist(new SessionRecord(Secrets.sha256(cookie), user.id(), csrf, expires, clientIp,
                userAgent)));
        return new NewSession(cookie, csrf, expires, UserView.of(user));
    }

    /** The principal of a live session, sliding its idle expiry; empty when unknown, expired or the user disabled. */
    public Optional<Principal> resolve(String cookieValue) {
        String id = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        SessionRecord session = db.inTransaction(s -> s.find(SessionRecord.class, id));
        if (session == null || !session.expiresAt().isAfter(now) || session.createdAt().plus(ABSOLUTE).isBefore(now)) {
            return Optional.empty();
        }
        Optional<UserAccount> user = users.user(session.userId()).filter(UserAccount::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (session.lastSeenAt().plusSeconds(60).isBefore(now)) {
            Instant capped = min(now.plus(IDLE), session.createdAt().plus(ABSOLUTE));
            db.useTransaction(s -> s.find(SessionRecord.class, id).touch(now, capped));
        }
        return Optional.of(new Principal(user.get().id(), user.get().username(), Set.of(user.get().role()),
                Principal.Via.SESSION, session.csrfToken(), user.get().passwordMustChange()));
    }

    public void end(String cookieValue) {
        String id = Secrets.sha256(cookieValue);
        db.useTransaction(s -> {
            SessionRecord session = s.find(SessionRecord.class, id);
            if (session != null) {
                s.remove(session);
            }
        });
    }

    /** Removes expired sessions; returns how many. */
    public int purgeExpired() {
        return db.inTransaction(s -> s.createMutationQuery("delete from SessionRecord where expiresAt < :now")
                .setParameter("now", clock.instant()).executeUpdate());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
