package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.admin.Allowed;
import io.hallmark.admin.HttpServer;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.security.LocalCliToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, roles and CSRF over real HTTP against a running server. */
class AccessTest {

    @TempDir
    static Path dataDir;

    static PlatformServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PASSWORD = "correct horse battery staple";
    static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() throws Exception {
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        String cli = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        for (Role role : Role.values()) {
            String name = "user-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            HttpResponse<String> created = send("POST", "/api/v1/users", cli, null,
                    "{\"username\":\"" + name + "\",\"role\":\"" + role + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> token = send("POST", "/api/v1/tokens", cli, null,
                    "{\"user\":\"" + name + "\",\"name\":\"tests\"}");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
            TOKENS.put(role, "Bearer " + json(token).path("token").asText());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String authorization, String cookieAndCsrf, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookieAndCsrf != null) {
            String[] parts = cookieAndCsrf.split("\\|", -1);
            b.header("Cookie", "hallmark_session=" + parts[0]);
            if (!parts[1].isEmpty()) {
                b.header("X-CSRF-Token", parts[1]);
            }
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonOutput.mapper().readTree(response.body());
    }

    /** Signs in; returns "cookie|csrf". */
    static String signIn(String username, String password) throws Exception {
        HttpResponse<String> login = send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring("hallmark_session=".length(), setCookie.indexOf(';')) + "|"
                + json(login).path("csrfToken").asText();
    }

    @Test
    void theFirstAdministratorsOneTimePasswordSignsInOnceAndOnlyAllowsChoosingANewOne() throws Exception {
        String password = server.initialAdminPassword().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        HttpResponse<String> login = send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).path("user").path("role").asText()).isEqualTo("ADMIN");
        assertThat(json(login).path("passwordMustChange").asBoolean()).isTrue();
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String session = setCookie.substring("hallmark_session=".length(), setCookie.indexOf(';')) + "|"
                + json(login).path("csrfToken").asText();

        // until a new password is chosen the session reads who it is and nothing else
        assertThat(json(send("GET", "/api/v1/auth/me", null, session, null)).path("passwordMustChange").asBoolean())
                .isTrue();
        HttpResponse<String> plugins = send("GET", "/api/v1/plugins", null, session, null);
        assertThat(plugins.statusCode()).isEqualTo(403);
        assertThat(json(plugins).path("type").asText()).isEqualTo("/errors/password_change_required");
        assertThat(json(plugins).path("detail").asText()).contains("POST /api/v1/auth/password");
        assertThat(send("POST", "/api/v1/tokens", null, session, "{\"name\":\"early\"}").statusCode()).isEqualTo(403);

        // the one-time password does not sign in a second time
        HttpResponse<String> again = send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        assertThat(again.statusCode()).isEqualTo(401);

        HttpResponse<String> same = send("POST", "/api/v1/auth/password", null, session,
                "{\"newPassword\":\"" + password + "\"}");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(400);
        HttpResponse<String> changed = send("POST", "/api/v1/auth/password", null, session,
                "{\"newPassword\":\"the administrator's own choice\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/plugins", null, session, null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/api/v1/auth/me", null, session, null)).path("passwordMustChange").asBoolean())
                .isFalse();
        signIn("admin", "the administrator's own choice");
        assertThat(send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsAndDisablingEndsThemAll() throws Exception {
        String cli = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        assertThat(send("POST", "/api/v1/users", cli, null, "{\"username\":\"pat\",\"role\":\"REVIEWER\","
                + "\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(201);
        String laptop = signIn("pat", PASSWORD);
        String phone = signIn("pat", PASSWORD);

        HttpResponse<String> wrong = send("POST", "/api/v1/auth/password", null, laptop,
                "{\"currentPassword\":\"not my password\",\"newPassword\":\"a brand new password\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/auth/me", null, phone, null).statusCode()).isEqualTo(200);

        HttpResponse<String> changed = send("POST", "/api/v1/auth/password", null, laptop,
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new password\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("otherSessionsEnded").asInt()).isEqualTo(1);
        assertThat(send("GET", "/api/v1/auth/me", null, laptop, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/auth/me", null, phone, null).statusCode()).isEqualTo(401);

        // disabling ends every session; enabling again does not bring them back
        assertThat(send("PATCH", "/api/v1/users/pat", cli, null, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/v1/users/pat", cli, null, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/auth/me", null, laptop, null).statusCode()).isEqualTo(401);

        // a password an administrator sets as one-time ends the sessions and must be changed at the next sign-in
        String tablet = signIn("pat", "a brand new password");
        assertThat(send("PATCH", "/api/v1/users/pat", cli, null,
                "{\"password\":\"reset by the admin\",\"oneTime\":true}").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/auth/me", null, tablet, null).statusCode()).isEqualTo(401);
        String reset = signIn("pat", "reset by the admin");
        assertThat(send("GET", "/api/v1/review", null, reset, null).statusCode()).isEqualTo(403);
    }

    @Test
    void twoStepSignInAsksForAFreshAuthenticatorCodeOnceTurnedOn() throws Exception {
        String cli = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        assertThat(send("POST", "/api/v1/users", cli, null, "{\"username\":\"tia\",\"role\":\"ADMIN\","
                + "\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(201);
        String session = signIn("tia", PASSWORD);
        HttpResponse<String> started = send("POST", "/api/v1/auth/totp", null, session, "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String secret = json(started).path("secret").asText();
        assertThat(json(started).path("uri").asText()).startsWith("otpauth://totp/Hallmark%3Atia?secret=" + secret);
        assertThat(send("POST", "/api/v1/auth/totp/confirm", null, session, "{\"code\":\"000000\"}").statusCode())
                .as("a wrong code does not turn it on").isEqualTo(400);
        java.time.Instant now = java.time.Instant.now();
        HttpResponse<String> confirmed = send("POST", "/api/v1/auth/totp/confirm", null, session,
                "{\"code\":\"" + io.hallmark.core.security.Totp.code(secret, now) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(send("GET", "/api/v1/auth/me", null, session, null)).path("totpEnabled").asBoolean()).isTrue();

        String login = "{\"username\":\"tia\",\"password\":\"" + PASSWORD + "\"";
        HttpResponse<String> noCode = send("POST", "/api/v1/auth/login", null, null, login + "}");
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(json(noCode).path("type").asText()).isEqualTo("/errors/totp-required");
        String next = io.hallmark.core.security.Totp.code(secret, now.plusSeconds(30));
        HttpResponse<String> withCode = send("POST", "/api/v1/auth/login", null, null,
                login + ",\"totpCode\":\"" + next + "\"}");
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/auth/login", null, null, login + ",\"totpCode\":\"" + next + "\"}")
                .statusCode()).as("a code signs in once").isEqualTo(401);

        // an administrator turns it off for a user who lost the authenticator
        assertThat(send("PATCH", "/api/v1/users/tia", cli, null, "{\"totp\":false}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/auth/login", null, null, login + "}").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionCookieIsHttpOnlyStrictAndStateChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> login = send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"user-operator\",\"password\":\"" + PASSWORD + "\"}");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
        String cookie = setCookie.substring("hallmark_session=".length(), setCookie.indexOf(';'));
        String csrf = json(login).path("csrfToken").asText();

        assertThat(send("GET", "/api/v1/auth/me", null, cookie + "|", null).statusCode()).isEqualTo(200);
        HttpResponse<String> noCsrf = send("POST", "/api/v1/tokens", null, cookie + "|", "{\"name\":\"x\"}");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(json(noCsrf).path("detail").asText()).contains("X-CSRF-Token");
        assertThat(send("POST", "/api/v1/tokens", null, cookie + "|wrong", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/tokens", null, cookie + "|" + csrf, "{\"name\":\"x\"}").statusCode())
                .isEqualTo(201);

        assertThat(send("POST", "/api/v1/auth/logout", null, cookie + "|" + csrf, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/auth/me", null, cookie + "|", null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreRefusedAlikeAndThrottled() throws Exception {
        String wrong = "{\"username\":\"user-auditor\",\"password\":\"not the password\"}";
        String unknown = "{\"username\":\"nobody-here\",\"password\":\"not the password\"}";
        HttpResponse<String> first = send("POST", "/api/v1/auth/login", null, null, wrong);
        HttpResponse<String> nobody = send("POST", "/api/v1/auth/login", null, null, unknown);
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(json(first).path("detail").asText()).isEqualTo(json(nobody).path("detail").asText());

        int status = 0;
        for (int i = 0; i < 6 && status != 429; i++) {
            status = send("POST", "/api/v1/auth/login", null, null, wrong).statusCode();
        }
        HttpResponse<String> throttled = send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"user-auditor\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aRevokedOrUnknownTokenIsRefused() throws Exception {
        assertThat(send("GET", "/api/v1/auth/me", "Bearer hm_not-a-real-token", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> issued = send("POST", "/api/v1/tokens", TOKENS.get(Role.REVIEWER), null, "{\"name\":\"short\"}");
        String token = "Bearer " + json(issued).path("token").asText();
        String id = json(issued).path("info").path("id").asText();
        assertThat(send("GET", "/api/v1/auth/me", token, null, null).statusCode()).isEqualTo(200);

        assertThat(send("DELETE", "/api/v1/tokens/" + id, TOKENS.get(Role.REVIEWER), null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/auth/me", token, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyEndpointDeclaresRolesAndEnforcesThemForEveryRole() throws Exception {
        List<HttpServer.Route> routes = server.routes();
        assertThat(routes).extracting(HttpServer.Route::path).contains("/api/v1/plugins", "/api/v1/users");
        for (HttpServer.Route route : routes) {
            assertThat(route.allowed()).as("%s %s declares who may call it", route.method(), route.path()).isNotEmpty();
            if (route.allowed().contains(Allowed.PUBLIC) || route.path().equals("/api/v1/auth/logout")) {
                continue;
            }
            String path = route.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
            HttpResponse<String> anonymous = send(route.method(), path, null, null, body);
            assertThat(anonymous.statusCode()).as("anonymous %s %s", route.method(), path).isEqualTo(401);
            for (Role role : Role.values()) {
                boolean allowed = route.allowed().contains(Allowed.ANY_USER)
                        || route.allowed().stream().anyMatch(a -> a.role().filter(role::equals).isPresent());
                HttpResponse<String> response = send(route.method(), path, TOKENS.get(role), null, body);
                if (allowed) {
                    assertThat(response.statusCode()).as("%s %s as %s: %s", route.method(), path, role, response.body())
                            .isNotIn(401, 403);
                } else {
                    assertThat(response.statusCode()).as("%s %s as %s", route.method(), path, role).isEqualTo(403);
                }
            }
        }
    }
}
