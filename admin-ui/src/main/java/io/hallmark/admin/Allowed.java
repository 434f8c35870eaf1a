package io.hallmark.admin;

import io.hallmark.core.persistence.Role;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may call a route. Every route must declare at least one; a route without any is refused to everybody, so a
 * forgotten declaration fails closed.
 */
public enum Allowed implements RouteRole {
    /** Anybody, signed in or not (health, login). */
    PUBLIC(null),
    /** Any signed-in user, whatever the role. */
    ANY_USER(null),
    ADMIN(Role.ADMIN),
    OPERATOR(Role.OPERATOR),
    REVIEWER(Role.REVIEWER),
    AUDITOR(Role.AUDITOR),
    PLUGIN_DEVELOPER(Role.PLUGIN_DEVELOPER);

    private final Role role;

    Allowed(Role role) {
        this.role = role;
    }

    /** The user role this stands for, if it stands for one. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }
}
