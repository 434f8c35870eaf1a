package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hallmark plugins}: install, list, enable, disable and remove plugins; make signing keys, sign archives
 * and manage the keys the platform trusts. Commands that touch the platform go through a running server when one
 * holds the data directory, so plugins are swapped without a restart.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Manage plugins and plugin signing keys.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Install.class, PluginsCommand.Enable.class,
            PluginsCommand.Disable.class, PluginsCommand.Remove.class, PluginsCommand.Keygen.class,
            PluginsCommand.Sign.class, PluginsCommand.Trust.class, PluginsCommand.Keys.class, PluginsCommand.Revoke.class,
            PluginsCommand.Settings.class})
final class PluginsCommand implements Runnable {

    private static final String ACTOR = System.getProperty("user.name", "cli");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand; valid: list, install, enable, disable, remove, settings, keygen, sign, trust, keys, "
                        + "revoke");
    }

    /** The plugin subcommands that reach the platform print plugins alike. */
    abstract static class PlatformSubcommand extends PlatformCommand {
        void printPlugin(JsonNode p) {
            if (json) {
                JsonOutput.print(out(), p);
                return;
            }
            out().printf("%s %s  %s  signer=%s  permissions=%s%n", p.path("id").asText(), p.path("version").asText(),
                    p.path("state").asText(), p.path("signerKeyId").asText("unsigned"), p.path("permissions"));
            for (JsonNode g : p.path("generators")) {
                out().printf("  generator %s (%s)%n", g.path("info").path("name").asText(),
                        g.path("info").path("modality").asText());
            }
            if (p.hasNonNull("failure")) {
                out().println("  failure: " + p.path("failure").asText());
            }
            out().flush();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List installed plugins and their state.")
    static final class ListPlugins extends PlatformSubcommand {
        @Override
        public Integer call() {
            JsonNode result = access(p -> Map.of("items", p.plugins().list()), s -> s.get("/api/v1/plugins"));
            if (json) {
                JsonOutput.print(out(), result);
            } else if (result.path("items").isEmpty()) {
                out().println("No plugins installed.");
            } else {
                result.path("items").forEach(this::printPlugin);
            }
            return 0;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install or upgrade a signed plugin archive; a running server swaps it in without a restart.")
    static final class Install extends PlatformSubcommand {
        @Parameters(paramLabel = "FILE", description = "The plugin archive (.jar).")
        Path file;

        @Option(names = "--grant", split = ",", paramLabel = "PERMISSION",
                description = "Grant permissions beyond the defaults (${COMPLETION-CANDIDATES}).",
                converter = PermissionConverter.class)
        List<Permission> grants = List.of();

        @Override
        public Integer call() {
            Path archive = file.toAbsolutePath();
            if (!Files.isRegularFile(archive)) {
                throw new HallmarkException("Plugin archive " + file + " does not exist or is not a file");
            }
            Set<Permission> granted = grants.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(grants);
            JsonNode view = access(p -> p.plugins().install(archive, granted, ACTOR), s -> {
                StringBuilder query = new StringBuilder("?filename=")
                        .append(URLEncoder.encode(archive.getFileName().toString(), StandardCharsets.UTF_8));
                granted.forEach(g -> query.append("&grant=").append(URLEncoder.encode(g.id(), StandardCharsets.UTF_8)));
                try {
                    return s.post("/api/v1/plugins" + query, HttpRequest.BodyPublishers.ofFile(archive),
                            "application/java-archive");
                } catch (java.io.FileNotFoundException e) {
                    throw new HallmarkException("Cannot read " + archive + ": " + e.getMessage(), e);
                }
            });
            printPlugin(view);
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Load a disabled or failed plugin again.")
    static final class Enable extends PlatformSubcommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            printPlugin(access(p -> p.plugins().enable(id, ACTOR),
                    s -> s.post("/api/v1/plugins/" + id + "/enable", HttpRequest.BodyPublishers.noBody(), "text/plain")));
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop routing calls to a plugin; running calls finish, then it is unloaded.")
    static final class Disable extends PlatformSubcommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            printPlugin(access(p -> p.plugins().disable(id, ACTOR),
                    s -> s.post("/api/v1/plugins/" + id + "/disable", HttpRequest.BodyPublishers.noBody(), "text/plain")));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Disable a plugin and delete its archive.")
    static final class Remove extends PlatformSubcommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            access(p -> {
                p.plugins().remove(id, ACTOR);
                return Map.of("removed", id);
            }, s -> s.delete("/api/v1/plugins/" + id));
            out().println(json ? "{\"removed\":\"" + id + "\"}" : "Removed plugin " + id);
            return 0;
        }
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Show or change a plugin's settings (endpoint URLs, API keys, model names), kept in the "
                    + "database for every node; the next call on any node reads them. Values of secret-looking keys "
                    + "are shown masked.")
    static final class Settings extends PlatformSubcommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a setting (repeatable).")
        Map<String, String> set = new LinkedHashMap<>();

        @Option(names = "--unset", paramLabel = "KEY", description = "Remove a setting (repeatable).")
        List<String> unset = List.of();

        @Override
        public Integer call() {
            boolean change = !set.isEmpty() || !unset.isEmpty();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("set", set);
            body.put("unset", unset);
            JsonNode result = access(p -> Map.of("pluginId", id, "settings", change
                    ? p.plugins().changeSettings(id, set, new java.util.TreeSet<>(unset), ACTOR)
                    : p.plugins().settings(id)), s -> change
                    ? s.patch("/api/v1/plugins/" + id + "/settings", JsonOutput.mapper().valueToTree(body).toString())
                    : s.get("/api/v1/plugins/" + id + "/settings"));
            if (json) {
                JsonOutput.print(out(), result);
            } else if (result.path("settings").isEmpty()) {
                out().println("Plugin " + id + " has no settings.");
            } else {
                result.path("settings").properties().forEach(e -> out().println(e.getKey() + "=" + e.getValue().asText()));
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "Trust a public key (written by 'plugins keygen') to sign plugins.")
    static final class Trust extends PlatformSubcommand {
        @Parameters(paramLabel = "PUBLIC_KEY_FILE")
        Path file;

        @Option(names = "--name", description = "A name for the key (default: the file name).")
        String name;

        @Override
        public Integer call() throws Exception {
            String pem = TextFiles.read(file, "key file");
            String keyName = name != null ? name : file.getFileName().toString().replaceFirst("\\.pub$", "");
            JsonNode key = access(p -> p.plugins().trustKey(pem, keyName, ACTOR),
                    s -> s.post("/api/v1/plugin-keys?name=" + URLEncoder.encode(keyName, StandardCharsets.UTF_8),
                            HttpRequest.BodyPublishers.ofString(pem), "application/x-pem-file"));
            if (json) {
                JsonOutput.print(out(), key);
            } else {
                out().println("Trusted key " + key.path("keyId").asText() + " (" + keyName + ") for signing plugins");
            }
            return 0;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "List the keys trusted to sign plugins.")
    static final class Keys extends PlatformSubcommand {
        @Override
        public Integer call() {
            JsonNode result = access(p -> Map.of("items", p.plugins().trustedKeys()), s -> s.get("/api/v1/plugin-keys"));
            if (json) {
                JsonOutput.print(out(), result);
            } else {
                result.path("items").forEach(k -> out().printf("%s  %s  added %s by %s%s%n", k.path("keyId").asText(),
                        k.path("name").asText(), k.path("addedAt").asText(), k.path("addedBy").asText(),
                        k.hasNonNull("revokedAt") ? "  REVOKED " + k.path("revokedAt").asText() : ""));
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Stop trusting a key; plugins it signed are refused from now on.")
    static final class Revoke extends PlatformSubcommand {
        @Parameters(paramLabel = "KEY_ID")
        String keyId;

        @Override
        public Integer call() {
            access(p -> {
                p.plugins().revokeKey(keyId, ACTOR);
                return Map.of("revoked", keyId);
            }, s -> s.delete("/api/v1/plugin-keys/" + keyId));
            out().println("Revoked key " + keyId);
            return 0;
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Make an Ed25519 key pair for signing plugins: NAME.key (keep it secret) and NAME.pub.")
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "plugin-signing", description = "File name stem (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Folder for the key files (default: here).")
        Path out;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            KeyPair pair = SigningKeys.generate();
            Path privateKey = SigningKeys.write(pair, out, name);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("keyId", SigningKeys.keyId(pair.getPublic()));
            result.put("privateKey", privateKey.toAbsolutePath().toString());
            result.put("publicKey", privateKey.resolveSibling(name + ".pub").toAbsolutePath().toString());
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(o, result);
            } else {
                o.println("Key " + result.get("keyId") + ": private " + result.get("privateKey") + " (keep it secret), "
                        + "public " + result.get("publicKey"));
                o.println("An administrator trusts it with: hallmark plugins trust " + result.get("publicKey"));
            }
            return 0;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign a plugin archive in place with a private key (its .pub must lie beside it).")
    static final class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The plugin archive.")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The private key file (NAME.key).")
        Path key;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new HallmarkException("Plugin archive " + file + " does not exist or is not a file");
            }
            String keyId = PluginArchiveSigner.sign(file, SigningKeys.readPrivate(key), SigningKeys.publicKeyFor(key));
            spec.commandLine().getOut().println("Signed " + file + " with key " + keyId);
            return 0;
        }
    }

    /** Parses permission names for {@code --grant}, listing the valid ones on error. */
    static final class PermissionConverter implements CommandLine.ITypeConverter<Permission> {
        @Override
        public Permission convert(String value) {
            try {
                return Permission.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
