package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.security.ApiTokenService;
import io.hallmark.core.security.Principal;
import io.hallmark.core.security.Secrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hallmark users} and {@code hallmark tokens}: console users, roles and API tokens. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage console and API users.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Passwd.class,
            UsersCommand.SetRole.class, UsersCommand.Disable.class, UsersCommand.Enable.class})
final class UsersCommand implements Runnable {

    private static final String ACTOR = "cli:" + System.getProperty("user.name", "local");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand; valid: list, add, passwd, role, disable, enable");
    }

    /** Reads a password from standard input, or makes a one-time password and says so. */
    static String password(boolean fromStdin, CommandLine.Model.CommandSpec spec) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new HallmarkException("No password on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new HallmarkException("Cannot read the password from standard input: " + e.getMessage(), e);
            }
        }
        String generated = Secrets.password(20);
        spec.commandLine().getOut().println("One-time password (shown only now; it signs in once, then a new "
                + "password must be chosen): " + generated);
        return generated;
    }

    abstract static class UserSubcommand extends PlatformCommand {
        void printUser(JsonNode u) {
            if (json) {
                JsonOutput.print(out(), u);
            } else {
                out().printf("%s  %s  %s%n", u.path("username").asText(), u.path("role").asText(),
                        u.path("enabled").asBoolean() ? "enabled" : "DISABLED");
            }
        }

        JsonNode patch(String username, Map<String, Object> changes,
                java.util.function.Function<io.hallmark.core.Platform, Object> local) {
            ObjectNode body = JsonOutput.mapper().valueToTree(changes);
            return access(local, s -> s.patch("/api/v1/users/" + username, body.toString()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers extends UserSubcommand {
        @Override
        public Integer call() {
            JsonNode result = access(p -> Map.of("items", p.access().users().list()), s -> s.get("/api/v1/users"));
            if (json) {
                JsonOutput.print(out(), result);
            } else {
                result.path("items").forEach(this::printUser);
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with a role.")
    static final class Add extends UserSubcommand {
        @Parameters(paramLabel = "NAME")
        String username;

        @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
        Role role;

        @Option(names = "--password-stdin", description = "Read the password from standard input (else one is made).")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = password(passwordStdin, spec);
            boolean oneTime = !passwordStdin;
            printUser(access(p -> p.access().users().create(username, role, password, oneTime, ACTOR),
                    s -> s.post("/api/v1/users", HttpRequest.BodyPublishers.ofString(JsonOutput.mapper()
                            .valueToTree(Map.of("username", username, "role", role.name(), "password", password,
                                    "oneTime", oneTime))
                            .toString()), "application/json")));
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password.")
    static final class Passwd extends UserSubcommand {
        @Parameters(paramLabel = "NAME")
        String username;

        @Option(names = "--password-stdin", description = "Read the password from standard input (else one is made).")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = password(passwordStdin, spec);
            boolean oneTime = !passwordStdin;
            patch(username, Map.of("password", password, "oneTime", oneTime), p -> {
                p.access().users().setPassword(username, password, oneTime, ACTOR);
                return p.access().users().find(username).orElseThrow();
            });
            out().println("Password of " + username + " changed");
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a user's role.")
    static final class SetRole extends UserSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String username;

        @Parameters(index = "1", paramLabel = "ROLE", description = "${COMPLETION-CANDIDATES}")
        Role role;

        @Override
        public Integer call() {
            printUser(patch(username, Map.of("role", role.name()),
                    p -> p.access().users().update(username, role, null, ACTOR)));
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user (sessions and tokens stop).")
    static final class Disable extends UserSubcommand {
        @Parameters(paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            printUser(patch(username, Map.of("enabled", false), p -> p.access().users().update(username, null, false, ACTOR)));
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user.")
    static final class Enable extends UserSubcommand {
        @Parameters(paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            printUser(patch(username, Map.of("enabled", true), p -> p.access().users().update(username, null, true, ACTOR)));
            return 0;
        }
    }

    /** {@code hallmark tokens}: API tokens. */
    @Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage API tokens.",
            subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
    static final class TokensCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: create, list, revoke");
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Make an API token for a user; the token is shown once.")
        static final class Create extends PlatformCommand {
            @Option(names = "--user", required = true)
            String user;

            @Option(names = "--name", required = true, description = "What the token is for.")
            String name;

            @Option(names = "--expires-days", description = "Days until it expires (default: never).")
            Integer days;

            @Override
            public Integer call() {
                Instant expires = days == null ? null : Instant.now().plusSeconds(86_400L * days);
                JsonNode issued = access(p -> {
                    ApiTokenService.IssuedToken t = p.access().tokens().issue(user, name, Set.of(), expires, ACTOR);
                    return Map.of("token", t.token(), "info", t.info());
                }, s -> s.post("/api/v1/tokens", HttpRequest.BodyPublishers.ofString(JsonOutput.mapper().valueToTree(
                        days == null ? Map.of("user", user, "name", name)
                                : Map.of("user", user, "name", name, "expiresInDays", days)).toString()),
                        "application/json"));
                if (json) {
                    JsonOutput.print(out(), issued);
                } else {
                    out().println("Token for " + user + " (shown only now): " + issued.path("token").asText());
                }
                return 0;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List every API token.")
        static final class ListTokens extends PlatformCommand {
            @Override
            public Integer call() {
                JsonNode result = access(p -> Map.of("items", p.access().tokens().list(null)),
                        s -> s.get("/api/v1/tokens?all=true"));
                if (json) {
                    JsonOutput.print(out(), result);
                } else {
                    result.path("items").forEach(t -> out().printf("%s  %s  %s%s%n", t.path("id").asText(),
                            t.path("username").asText(), t.path("name").asText(),
                            t.hasNonNull("revokedAt") ? "  REVOKED" : ""));
                }
                return 0;
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token.")
        static final class Revoke extends PlatformCommand {
            @Parameters(paramLabel = "ID")
            java.util.UUID id;

            @Override
            public Integer call() {
                access(p -> {
                    p.access().tokens().revoke(id, new Principal(null, ACTOR, EnumSet.of(Role.ADMIN),
                            Principal.Via.LOCAL_CLI, null, false));
                    return Map.of("revoked", id.toString());
                }, s -> s.delete("/api/v1/tokens/" + id));
                out().println("Revoked token " + id);
                return 0;
            }
        }
    }
}
