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
 *
 * <p>Failed sign-ins are counted in the database every node shares ({@link LoginThrottle}).
 *
 * <p>A one-time password (the first administrator's generated one, or one that {@code hallmark users passwd} makes)
 * signs in once; the session it opens may do nothing but choose a new password. A password change and disabling a
 * user end the user's other sessions.
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
        this.throttle = new LoginThrottle(db.dataSource(), clock);
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
        boolean generated = password == null || password.isBlank();
        String chosen = generated ? Secrets.password(20) : password;
        try {
            create("admin", Role.ADMIN, chosen, generated, "system");
        } catch (RuntimeException e) {
            if (user("admin").isPresent()) {
                return Optional.empty(); // another node sharing the database created it at the same moment
            }
            throw e;
        }
        return generated ? Optional.of(chosen) : Optional.empty();
    }

    public UserView create(String username, Role role, String password, String actor) {
        return create(username, role, password, false, actor);
    }

    /**
     * Creates a user.
     *
     * @param oneTime whether the password signs in only once and must then be changed
     */
    public UserView create(String username, Role role, String password, boolean oneTime, String actor) {
        checkPassword(password);
        UserAccount user;
        try {
            user = new UserAccount(username, role);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("username", e.getMessage());
        }
        if (oneTime) {
            user.setOneTimePasswordHash(PasswordHasher.hash(password));
        } else {
            user.setPasswordHash(PasswordHasher.hash(password));
        }
        boolean exists = db.inTransaction(s -> s.createSelectionQuery("from UserAccount where username = :u", UserAccount.class)
                .setParameter("u", username).uniqueResultOptional().isPresent());
        if (exists) {
            throw InvalidRequestException.of("username", "User '" + username + "' exists already");
        }
        db.useTransaction(s -> s.persist(user));
        audit.append(actor, "user.created", username, Map.of("role", role.name(), "oneTimePassword", oneTime));
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
        return authenticate(username, password, null, clientIp);
    }

    /**
     * Checks a user name, password and, for a user who turned on two-step sign-in, a TOTP code.
     *
     * @param totpCode the code from the user's authenticator app, or {@code null}
     * @throws TotpRequiredException when the password is right, the user has TOTP on and no code came
     */
    public UserAccount authenticate(String username, String password, @Nullable String totpCode, String clientIp) {
        throttle.check(username, clientIp);
        Optional<UserAccount> user = user(username);
        boolean passwordOk = user.isPresent() && user.get().enabled() && user.get().passwordHash() != null
                && PasswordHasher.verify(password, user.get().passwordHash());
        if (passwordOk && user.get().totpEnabled() && totpCode == null) {
            throw new TotpRequiredException();
        }
        boolean ok = passwordOk && (!user.get().totpEnabled() || useTotpCode(user.get(), totpCode))
                && (!user.get().passwordMustChange() || consumeOneTimePassword(user.get()));
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

    /** Checks a TOTP code against the user's secret and marks its step used (a code signs in once). */
    private boolean useTotpCode(UserAccount user, @Nullable String code) {
        String secret = user.totpSecret();
        if (secret == null || code == null) {
            return false;
        }
        java.util.OptionalLong step = Totp.verify(secret, code.strip(), java.time.Instant.now(), user.totpLastStep());
        if (step.isEmpty()) {
            return false;
        }
        int updated = db.inTransaction(s -> s.createMutationQuery("update UserAccount set totpLastStep = :step "
                        + "where id = :id and totpLastStep < :step")
                .setParameter("step", step.getAsLong()).setParameter("id", user.id()).executeUpdate());
        return updated == 1;
    }

    /**
     * Starts two-step sign-in for a user: a new secret, off until {@link #confirmTotp} sees a code from it.
     *
     * @return the secret (Base32) and the {@code otpauth://} URI for an authenticator app
     */
    public Map<String, String> startTotp(String username) {
        UserAccount user = user(username).filter(UserAccount::enabled).orElseThrow(() -> unknown(username));
        if (user.totpEnabled()) {
            throw InvalidRequestException.of("totp", "Two-step sign-in is on already; turn it off first to set up "
                    + "another authenticator");
        }
        String secret = Totp.newSecret();
        db.useTransaction(s -> s.find(UserAccount.class, user.id()).startTotp(secret));
        audit.append(username, "user.totp_started", username, Map.of());
        return Map.of("secret", secret, "uri", Totp.uri(username, secret));
    }

    /** Turns two-step sign-in on once a code from the new secret is right. */
    public void confirmTotp(String username, String code) {
        UserAccount user = user(username).filter(UserAccount::enabled).orElseThrow(() -> unknown(username));
        if (user.totpSecret() == null || user.totpEnabled()) {
            throw InvalidRequestException.of("totp", user.totpEnabled() ? "Two-step sign-in is on already"
                    : "Set up two-step sign-in first (POST /api/v1/auth/totp)");
        }
        java.util.OptionalLong step = Totp.verify(user.totpSecret(), code == null ? "" : code.strip(),
                java.time.Instant.now(), -1);
        if (step.isEmpty()) {
            throw InvalidRequestException.of("code", "The code does not match; check the authenticator app's clock "
                    + "and enter the code it shows now");
        }
        db.useTransaction(s -> s.find(UserAccount.class, user.id()).enableTotp(step.getAsLong()));
        audit.append(username, "user.totp_enabled", username, Map.of());
    }

    /** Turns two-step sign-in off: the user with a current code, or an administrator for them ({@code code} null). */
    public void disableTotp(String username, @Nullable String code, String actor) {
        UserAccount user = user(username).orElseThrow(() -> unknown(username));
        if (code != null && user.totpEnabled() && !useTotpCode(user, code)) {
            throw InvalidRequestException.of("code", "The code does not match (or was used already)");
        }
        db.useTransaction(s -> s.find(UserAccount.class, user.id()).disableTotp());
        audit.append(actor, "user.totp_disabled", username, Map.of());
    }

    /**
     * Marks a one-time password used, once: of two sign-ins racing with it, one wins.
     *
     * @return whether this sign-in used it
     */
    private boolean consumeOneTimePassword(UserAccount user) {
        int updated = db.inTransaction(s -> s.createMutationQuery("update UserAccount set oneTimePasswordUsedAt = :now "
                        + "where id = :id and passwordMustChange and oneTimePasswordUsedAt is null")
                .setParameter("now", java.time.Instant.now()).setParameter("id", user.id()).executeUpdate());
        if (updated == 0) {
            audit.append(user.username(), "login.one_time_password_reused", user.username(), Map.of());
        }
        return updated == 1;
    }

    /**
     * Sets a user's password (an administrator or the command line) and ends all of the user's sessions.
     *
     * @param oneTime whether the password signs in only once and must then be changed
     */
    public void setPassword(String username, String newPassword, boolean oneTime, String actor) {
        checkPassword(newPassword);
        UserAccount user = user(username).orElseThrow(() -> unknown(username));
        String hash = PasswordHasher.hash(newPassword);
        int ended = db.inTransaction(s -> {
            UserAccount u = s.find(UserAccount.class, user.id());
            if (oneTime) {
                u.setOneTimePasswordHash(hash);
            } else {
                u.setPasswordHash(hash);
            }
            return endSessions(s, user.id(), null);
        });
        audit.append(actor, "user.password_changed", username, Map.of("oneTime", oneTime, "sessionsEnded", ended));
    }

    /**
     * A user changes their own password. The current password is asked for unless the user signed in with a one-time
     * password (that sign-in proved it, and it cannot sign in again); the new one must differ from it. Every other
     * session of the user ends.
     *
     * @param currentPassword the password in force, or {@code null} after a sign-in with a one-time password
     * @param keepSessionCookie the session making the change, which stays signed in; {@code null} for none
     * @return how many other sessions ended
     * @throws AuthenticationException when the current password is missing or wrong
     */
    public int changeOwnPassword(String username, @Nullable String currentPassword, String newPassword,
            @Nullable String keepSessionCookie, String clientIp) {
        checkPassword(newPassword);
        UserAccount user = user(username).filter(UserAccount::enabled).orElseThrow(() -> unknown(username));
        boolean oneTimeUsed = user.passwordMustChange() && user.oneTimePasswordUsedAt() != null;
        if (!oneTimeUsed) {
            throttle.check(username, clientIp);
            if (currentPassword == null || user.passwordHash() == null
                    || !PasswordHasher.verify(currentPassword, user.passwordHash())) {
                throttle.failed(username, clientIp);
                audit.append(username, "user.password_change_failed", username, Map.of("ip", clientIp));
                throw new AuthenticationException("The current password is wrong");
            }
        }
        if (user.passwordHash() != null && PasswordHasher.verify(newPassword, user.passwordHash())) {
            throw InvalidRequestException.of("newPassword", "Choose a password different from the current one");
        }
        String hash = PasswordHasher.hash(newPassword);
        String keep = keepSessionCookie == null ? null : Secrets.sha256(keepSessionCookie);
        int ended = db.inTransaction(s -> {
            s.find(UserAccount.class, user.id()).setPasswordHash(hash);
            return endSessions(s, user.id(), keep);
        });
        audit.append(username, "user.password_changed", username, Map.of("oneTime", false, "sessionsEnded", ended));
        return ended;
    }

    /** Ends a user's sessions but the one kept; returns how many. */
    private static int endSessions(org.hibernate.Session s, java.util.UUID userId, @Nullable String keepSessionId) {
        return s.createMutationQuery("delete from SessionRecord where userId = :u and id <> :keep")
                .setParameter("u", userId).setParameter("keep", keepSessionId == null ? "" : keepSessionId)
                .executeUpdate();
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
            if (!u.enabled()) {
                endSessions(s, u.id(), null);
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
