package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.persistence.UserAccount;
import io.hallmark.core.security.Access;
import io.hallmark.core.security.ApiTokenService;
import io.hallmark.core.security.Principal;
import io.hallmark.core.security.SessionService;
import io.hallmark.core.security.UserView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signing in and out, users and API tokens: {@code /api/v1/auth/login|logout|me|password}, {@code /api/v1/users} (ADMIN)
 * and {@code /api/v1/tokens}.
 */
final class AuthRoutes {

    private final Access access;
    private final boolean secureCookies;

    AuthRoutes(Access access, boolean secureCookies) {
        this.access = access;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", this::login, Allowed.PUBLIC);
        routes.post("/api/v1/auth/logout", this::logout, Allowed.ANY_USER);
        routes.get("/api/v1/auth/me", this::me, Allowed.ANY_USER);
        routes.post("/api/v1/auth/password", this::changeOwnPassword, Allowed.ANY_USER);
        routes.post("/api/v1/auth/totp", ctx -> ctx.status(201).json(access.users().startTotp(ownAccount(ctx))),
                Allowed.ANY_USER);
        routes.post("/api/v1/auth/totp/confirm", ctx -> {
            access.users().confirmTotp(ownAccount(ctx), Json.requiredText(Json.body(ctx), "code", 16));
            ctx.json(Map.of("totpEnabled", true));
        }, Allowed.ANY_USER);
        routes.post("/api/v1/auth/totp/disable", ctx -> {
            String username = ownAccount(ctx);
            access.users().disableTotp(username, Json.requiredText(Json.body(ctx), "code", 16), username);
            ctx.json(Map.of("totpEnabled", false));
        }, Allowed.ANY_USER);

        routes.get("/api/v1/users", ctx -> ctx.json(Map.of("items", access.users().list())), Allowed.ADMIN);
        routes.post("/api/v1/users", this::createUser, Allowed.ADMIN);
        routes.patch("/api/v1/users/{username}", this::updateUser, Allowed.ADMIN);

        routes.get("/api/v1/tokens", this::listTokens, Allowed.ANY_USER);
        routes.post("/api/v1/tokens", this::createToken, Allowed.ANY_USER);
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            access.tokens().revoke(uuid(ctx.pathParam("id")), AccessFilter.principal(ctx));
            ctx.status(204);
        }, Allowed.ANY_USER);
    }

    private void login(Context ctx) {
        JsonNode body = Json.body(ctx);
        String username = Json.requiredText(body, "username", 64);
        String password = Json.requiredText(body, "password", 1024);
        UserAccount user = access.users().authenticate(username, password, Json.optionalText(body, "totpCode", 16),
                ctx.ip());
        SessionService.NewSession session = access.sessions().start(user, ctx.ip(), ctx.header("User-Agent"));
        ctx.header("Set-Cookie", AccessFilter.SESSION_COOKIE + "=" + session.cookieValue() + "; Path=/; HttpOnly; "
                + "SameSite=Strict; Max-Age=" + SessionService.ABSOLUTE.toSeconds() + (secureCookies ? "; Secure" : ""));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("user", session.user());
        result.put("passwordMustChange", session.user().passwordMustChange());
        result.put("csrfToken", session.csrfToken());
        result.put("expiresAt", session.expiresAt());
        ctx.json(result);
    }

    private void logout(Context ctx) {
        String cookie = ctx.cookie(AccessFilter.SESSION_COOKIE);
        if (cookie != null) {
            access.sessions().end(cookie);
        }
        ctx.header("Set-Cookie", AccessFilter.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                + (secureCookies ? "; Secure" : ""));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("username", p.username());
        result.put("roles", p.roles());
        result.put("via", p.via());
        result.put("passwordMustChange", p.mustChangePassword());
        if (p.via() != Principal.Via.LOCAL_CLI) {
            result.put("totpEnabled", access.users().find(p.username()).map(UserView::totpEnabled).orElse(false));
        }
        if (p.csrfToken() != null) {
            result.put("csrfToken", p.csrfToken());
        }
        ctx.json(result);
    }

    /**
     * The caller changes their own password: {@code currentPassword} (not needed right after a sign-in with a
     * one-time password) and {@code newPassword}. The caller's other sessions end; this one stays.
     */
    private void changeOwnPassword(Context ctx) {
        JsonNode body = Json.body(ctx);
        Principal p = AccessFilter.principal(ctx);
        if (p.via() == Principal.Via.LOCAL_CLI) {
            throw InvalidRequestException.of("user", "The local command line has no password; use "
                    + "'hallmark users passwd NAME'");
        }
        String current = body.hasNonNull("currentPassword") ? Json.requiredText(body, "currentPassword", 1024) : null;
        String cookie = p.via() == Principal.Via.SESSION ? ctx.cookie(AccessFilter.SESSION_COOKIE) : null;
        int ended = access.users().changeOwnPassword(p.username(), current,
                Json.requiredText(body, "newPassword", 1024), cookie, ctx.ip());
        ctx.json(Map.of("changed", true, "otherSessionsEnded", ended));
    }

    /** The caller's own account name; the local command line has none. */
    private static String ownAccount(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        if (p.via() == Principal.Via.LOCAL_CLI) {
            throw InvalidRequestException.of("user", "The local command line has no account of its own");
        }
        return p.username();
    }

    private void createUser(Context ctx) {
        JsonNode body = Json.body(ctx);
        UserView user = access.users().create(Json.requiredText(body, "username", 64), role(body, "role"),
                Json.requiredText(body, "password", 1024),
                java.util.Objects.requireNonNullElse(Json.optionalBoolean(body, "oneTime"), false),
                AccessFilter.actor(ctx));
        ctx.status(201).header("Location", "/api/v1/users/" + user.username()).json(user);
    }

    /** Every field is checked before anything changes, so a refused request changes nothing. */
    private void updateUser(Context ctx) {
        JsonNode body = Json.body(ctx);
        String username = ctx.pathParam("username");
        String password = body.hasNonNull("password") ? Json.requiredText(body, "password", 1024) : null;
        boolean oneTime = java.util.Objects.requireNonNullElse(Json.optionalBoolean(body, "oneTime"), false);
        Role role = body.hasNonNull("role") ? role(body, "role") : null;
        Boolean enabled = Json.optionalBoolean(body, "enabled");
        Boolean totp = Json.optionalBoolean(body, "totp");
        if (password != null) {
            access.users().setPassword(username, password, oneTime, AccessFilter.actor(ctx));
        }
        if (Boolean.FALSE.equals(totp)) { // an administrator resets a lost authenticator; only the user turns it on
            access.users().disableTotp(username, null, AccessFilter.actor(ctx));
        }
        ctx.json(access.users().update(username, role, enabled, AccessFilter.actor(ctx)));
    }

    private void listTokens(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        boolean all = p.has(Role.ADMIN) && "true".equals(ctx.queryParam("all"));
        ctx.json(Map.of("items", access.tokens().list(all ? null : p.username())));
    }

    private void createToken(Context ctx) {
        JsonNode body = Json.body(ctx);
        Principal p = AccessFilter.principal(ctx);
        String username = body.hasNonNull("user") ? body.get("user").asText() : p.username();
        if (!username.equals(p.username()) && !p.has(Role.ADMIN)) {
            throw new io.hallmark.core.security.AccessDeniedException("Only an administrator makes tokens for others");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        body.path("roles").forEach(r -> roles.add(parseRole(r.asText(), "roles")));
        Instant expires = body.hasNonNull("expiresInDays")
                ? Instant.now().plusSeconds(86_400L * Json.intIn(body, "expiresInDays", 1, 3_650)) : null;
        ApiTokenService.IssuedToken issued = access.tokens().issue(username, Json.requiredText(body, "name", 128), roles,
                expires, AccessFilter.actor(ctx));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token", issued.token());
        result.put("info", issued.info());
        ctx.status(201).json(result);
    }

    private static Role role(JsonNode body, String field) {
        return parseRole(Json.requiredText(body, field, 32), field);
    }

    private static Role parseRole(String value, String field) {
        try {
            return Role.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(field, "Unknown role '" + value + "'; valid roles: "
                    + java.util.Arrays.toString(Role.values()));
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("id", "'" + id + "' is not a token id");
        }
    }
}
