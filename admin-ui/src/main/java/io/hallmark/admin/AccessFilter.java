package io.hallmark.admin;

import io.hallmark.core.security.Access;
import io.hallmark.core.security.AccessDeniedException;
import io.hallmark.core.security.AuthenticationException;
import io.hallmark.core.security.PasswordChangeRequiredException;
import io.hallmark.core.security.Principal;
import io.hallmark.core.security.Secrets;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs before every matched route: resolves the caller from the session cookie or the bearer token, checks the
 * route's {@link Allowed} roles, and for cookie sessions requires the CSRF token on every state-changing request.
 * A caller who signed in with a one-time password may only read who they are, sign out and choose a new password
 * (else 403 {@code password_change_required}).
 */
final class AccessFilter {

    static final String SESSION_COOKIE = "hallmark_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "hallmark.principal";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** What a caller who must change a one-time password may still do. */
    private static final Set<String> WHILE_PASSWORD_MUST_CHANGE = Set.of(
            "GET /api/v1/auth/me", "POST /api/v1/auth/logout", "POST /api/v1/auth/password");

    private final Access access;

    AccessFilter(Access access) {
        this.access = access;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Optional<Principal> principal = resolve(ctx);
        principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        if (roles.contains(Allowed.PUBLIC) || isStaticAsset(ctx, roles)) {
            return;
        }
        if (roles.isEmpty()) {
            throw new AccessDeniedException("This endpoint declares no roles, so nobody may call it");
        }
        Principal caller = principal.orElseThrow(() -> new AuthenticationException(
                "Sign in (POST /api/v1/auth/login) or send an API token as 'Authorization: Bearer hm_...'"));
        if (caller.via() == Principal.Via.SESSION && !SAFE_METHODS.contains(ctx.method().name())) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !Secrets.equal(sent, caller.csrfToken())) {
                throw new AccessDeniedException("Missing or wrong " + CSRF_HEADER + " header; the console sends the "
                        + "token it got at sign-in with every change");
            }
        }
        if (caller.mustChangePassword()
                && !WHILE_PASSWORD_MUST_CHANGE.contains(ctx.method().name() + " " + ctx.path())) {
            throw new PasswordChangeRequiredException(caller.username());
        }
        boolean allowed = roles.contains(Allowed.ANY_USER) || roles.stream()
                .map(r -> ((Allowed) r).role()).flatMap(Optional::stream).anyMatch(caller::has);
        if (!allowed) {
            throw new AccessDeniedException("Your role " + caller.roles() + " may not " + ctx.method() + " "
                    + ctx.path() + "; allowed: " + roles);
        }
    }

    /** The console's static files (the sign-in page among them) are public; the data behind them is not. */
    private static boolean isStaticAsset(Context ctx, Set<RouteRole> roles) {
        String path = ctx.path();
        return roles.isEmpty() && SAFE_METHODS.contains(ctx.method().name())
                && (path.startsWith("/console/") || path.startsWith("/webjars/")) && !path.contains("..");
    }

    private Optional<Principal> resolve(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Principal> p = access.bearer(authorization.substring(7).trim());
            if (p.isEmpty()) {
                throw new AuthenticationException("The API token is unknown, expired or revoked");
            }
            return p;
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        return cookie == null || cookie.length() > 200 ? Optional.empty() : access.session(cookie);
    }

    /** The caller of this request (present on every route that is not PUBLIC). */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new AuthenticationException("Not signed in");
        }
        return p;
    }

    /** The caller if signed in. */
    static @Nullable Principal principalOrNull(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The name recorded in the audit log for the caller. */
    static String actor(Context ctx) {
        return principal(ctx).username();
    }
}
