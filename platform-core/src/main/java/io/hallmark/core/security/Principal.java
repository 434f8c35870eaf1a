package io.hallmark.core.security;

import io.hallmark.core.persistence.Role;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is making a request, and with what rights.
 *
 * @param userId the user, or {@code null} for the local command line
 * @param username the user name (for audit), e.g. {@code alice}
 * @param roles the roles in force (a token may carry fewer than its user has)
 * @param via how the caller authenticated
 * @param csrfToken the session's CSRF token (sessions only)
 * @param mustChangePassword whether the user signed in with a one-time password and may do nothing but choose a new
 *     one
 */
public record Principal(@Nullable UUID userId, String username, Set<Role> roles, Via via, @Nullable String csrfToken,
        boolean mustChangePassword) {

    /** How a principal authenticated. */
    public enum Via {
        /** A console session cookie; state-changing requests need the CSRF token. */
        SESSION,
        /** An API token (Bearer). */
        TOKEN,
        /** The local command line, through the token file in the data directory. */
        LOCAL_CLI
    }

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
