package io.hallmark.core.security;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.persistence.UserAccount;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Console and API users: creation with a role, password checks with throttling, password changes, disabling,
 * and the first administrator created on first start. Every change is audited.
 */
public final class UserService {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_CHARS = 12;

    private final Database db;
    private final AuditLog audit;
    private final LoginThrottle throttle;

    public UserService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.throttle = new LoginThrottle(clock);
    }

    /**
     * Creates the administrator {@code admin} when no enabled administrator exists (the first start), so that a
     * platform is never without one.
     *
     * @param password the password to give it ({@code HALLMARK_ADMIN_PASSWORD}), or {@code null} to generate one
     * @return the generated one-time password, to be shown once; empty when users exist or a password was given
     */
    public Optional<String> ensureInitialAdmin(@Nullable String password) {
        long admins = db.inTransaction(s -> s.createSelectionQuery(
                "select count(*) from UserAccount where role = :admin and enabled", Long.class)
                .setParameter("admin", Role.ADMIN).getSingleResult());
        if (admins > 0 || user("admin").isPresent()) {
            return Optional.empty();
        }
        String chosen = password != null && !password.isBlank() ? password : Secrets.password(20);
        try {
            create("admin", Role.ADMIN, chosen, "system");
        } catch (RuntimeException e) {
            if (user("admin").isPresent()) {
                return Optional.empty(); // another node sharing the database created it at the same moment
            }
            throw e;
        }
        return password != null && !password.isBlank() ? Optional.empty() : Optional.of(chosen);
    }

    public UserView create(String username, Role role, String password, String actor) {
        checkPassword(password);
        UserAccount user;
        try {
            user = new UserAccount(username, role);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("username", e.getMessage());
        }
        user.setPasswordHash(PasswordHasher.hash(password));
        boolean exists = db.inTransaction(s -> s.createSelectionQuery("from UserAccount where username = :u", UserAccount.class)
                .setParameter("u", username).uniqueResultOptional().isPresent());
        if (exists) {
            throw InvalidRequestException.of("username", "User '" + username + "' exists already");
        }
        db.useTransaction(s -> s.persist(user));
        audit.append(actor, "user.created", username, Map.of("role", role.name()));
        return UserView.of(user);
    }

    public List<UserView> list() {
        return db.inTransaction(s -> s.createSelectionQuery("from UserAccount order by username", UserAccount.class)
                .getResultList()).stream().map(UserView::of).toList();
    }

    public Optional<UserView> find(String username) {
        return user(username).map(UserView::of);
    }

    Optional<UserAccount> user(String username) {
        return db.inTransaction(s -> s.createSelectionQuery("from UserAccount where username = :u", UserAccount.class)
                .setParameter("u", username).uniqueResultOptional());
    }

    Optional<UserAccount> user(java.util.UUID id) {
        return Optional.ofNullable(db.inTransaction(s -> s.find(UserAccount.class, id)));
    }

    /**
     * Checks a user name and password.
     *
     * @throws ThrottledException after too many failures for this name or address
     * @throws AuthenticationException when the user is unknown, disabled or the password is wrong (one message for all)
     */
    public UserAccount authenticate(String username, String password, String clientIp) {
        throttle.check(username, clientIp);
        Optional<UserAccount> user = user(username);
        boolean ok = user.isPresent() && user.get().enabled() && user.get().passwordHash() != null
                && PasswordHasher.verify(password, user.get().passwordHash());
        if (!ok) {
            if (user.isEmpty()) {
                PasswordHasher.hash(password.length() > PasswordHasher.MAX_PASSWORD_CHARS ? "" : password); // same cost
            }
            throttle.failed(username, clientIp);
            audit.append(username, "login.failed", username, Map.of("ip", clientIp));
            throw new AuthenticationException("Wrong user name or password");
        }
        throttle.succeeded(username);
        UserAccount account = user.get();
        db.useTransaction(s -> s.find(UserAccount.class, account.id()).recordLogin());
        audit.append(username, "login.succeeded", username, Map.of("ip", clientIp));
        return account;
    }

    public void changePassword(String username, String newPassword, String actor) {
        checkPassword(newPassword);
        UserAccount user = user(username).orElseThrow(() -> unknown(username));
        db.useTransaction(s -> s.find(UserAccount.class, user.id()).setPasswordHash(PasswordHasher.hash(newPassword)));
        audit.append(actor, "user.password_changed", username, Map.of());
    }

    public UserView update(String username, @Nullable Role role, @Nullable Boolean enabled, String actor) {
        UserAccount user = user(username).orElseThrow(() -> unknown(username));
        UserAccount updated = db.inTransaction(s -> {
            UserAccount u = s.find(UserAccount.class, user.id());
            if (role != null) {
                u.setRole(role);
            }
            if (enabled != null) {
                u.setEnabled(enabled);
            }
            return u;
        });
        audit.append(actor, "user.updated", username, Map.of("role", updated.role().name(), "enabled", updated.enabled()));
        return UserView.of(updated);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_CHARS) {
            throw InvalidRequestException.of("password", "Passwords need at least " + MIN_PASSWORD_CHARS + " characters");
        }
        if (password.length() > PasswordHasher.MAX_PASSWORD_CHARS) {
            throw InvalidRequestException.of("password", "Passwords are limited to " + PasswordHasher.MAX_PASSWORD_CHARS
                    + " characters");
        }
    }

    static NotFoundException unknown(String username) {
        return new NotFoundException("user", username, "User '" + username + "' does not exist");
    }
}
