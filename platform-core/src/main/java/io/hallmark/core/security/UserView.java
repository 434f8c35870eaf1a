package io.hallmark.core.security;

import io.hallmark.core.persistence.Role;
import io.hallmark.core.persistence.UserAccount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user as the API shows it: never the password hash.
 *
 * @param passwordMustChange whether the user holds a one-time password and must choose a new one at sign-in
 * @param totpEnabled whether sign-in asks for a TOTP code
 */
public record UserView(String username, @Nullable String displayName, Role role, boolean enabled, Instant createdAt,
        @Nullable Instant lastLoginAt, boolean passwordMustChange, boolean totpEnabled) {

    static UserView of(UserAccount user) {
        return new UserView(user.username(), user.displayName(), user.role(), user.enabled(), user.createdAt(),
                user.lastLoginAt(), user.passwordMustChange(), user.totpEnabled());
    }
}
