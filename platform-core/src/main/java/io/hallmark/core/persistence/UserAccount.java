package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A console and API user with one role. Only a slow, salted password hash is stored, never the password. */
@Entity
@Table(name = "users")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", length = 200)
    private @Nullable String displayName;

    @Column(name = "password_hash", length = 255)
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private @Nullable Instant lastLoginAt;

    @Column(name = "password_must_change", nullable = false)
    private boolean passwordMustChange;

    @Column(name = "one_time_password_used_at")
    private @Nullable Instant oneTimePasswordUsedAt;

    @Column(name = "totp_secret", length = 64)
    private @Nullable String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep = -1;

    protected UserAccount() {
        // for Hibernate
    }

    public UserAccount(String username, Role role) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("User name '" + username
                    + "' is invalid; use 1-64 letters, digits, '.', '_' or '-'");
        }
        this.id = Ids.newId();
        this.username = username;
        this.role = Objects.requireNonNull(role, "role");
        this.enabled = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public @Nullable String displayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
        touch();
    }

    public @Nullable String passwordHash() {
        return passwordHash;
    }

    public void setPasswordHash(@Nullable String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordMustChange = false;
        this.oneTimePasswordUsedAt = null;
        touch();
    }

    /**
     * Sets a one-time password: it signs in once, and that session may do nothing but choose a new password.
     */
    public void setOneTimePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.passwordMustChange = true;
        this.oneTimePasswordUsedAt = null;
        touch();
    }

    /** Whether the user must choose a new password before doing anything else. */
    public boolean passwordMustChange() {
        return passwordMustChange;
    }

    /** When the one-time password signed in, or {@code null} while it is unused (or the password is not one-time). */
    public @Nullable Instant oneTimePasswordUsedAt() {
        return oneTimePasswordUsedAt;
    }

    /** The TOTP secret (Base32), pending until confirmed or in force; {@code null} when none was set up. */
    public @Nullable String totpSecret() {
        return totpSecret;
    }

    /** Whether sign-in asks for a TOTP code. */
    public boolean totpEnabled() {
        return totpEnabled;
    }

    /** The last time step whose code was used (a code works once). */
    public long totpLastStep() {
        return totpLastStep;
    }

    /** Sets a new TOTP secret, off until {@link #enableTotp} confirms a code from it. */
    public void startTotp(String base32Secret) {
        this.totpSecret = Objects.requireNonNull(base32Secret, "base32Secret");
        this.totpEnabled = false;
        this.totpLastStep = -1;
        touch();
    }

    /** Turns TOTP on, recording the step of the code that confirmed it. */
    public void enableTotp(long step) {
        this.totpEnabled = true;
        this.totpLastStep = step;
        touch();
    }

    /** Records the step of a code that signed in. */
    public void useTotpStep(long step) {
        this.totpLastStep = step;
    }

    /** Turns TOTP off and forgets the secret. */
    public void disableTotp() {
        this.totpSecret = null;
        this.totpEnabled = false;
        this.totpLastStep = -1;
        touch();
    }

    public Role role() {
        return role;
    }

    public void setRole(Role role) {
        this.role = Objects.requireNonNull(role, "role");
        touch();
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        touch();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant lastLoginAt() {
        return lastLoginAt;
    }

    public void recordLogin() {
        this.lastLoginAt = Instant.now();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }
}
