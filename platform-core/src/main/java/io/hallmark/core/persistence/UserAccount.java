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
