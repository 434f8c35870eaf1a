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

    @Test
    void theFirstStartCreatesAnAdministratorWithAOneTimePassword() throws Exception {
        String password = server.initialAdminPassword().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        HttpResponse<String> login = send("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).path("user").path("role").asText()).isEqualTo("ADMIN");
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
