package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyParser;
import io.hallmark.governance.policy.Rule;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hallmark policy}: validate, show, dry-run and apply governance policies. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Manage governance policies.",
        subcommands = {PolicyCommand.Validate.class, PolicyCommand.Show.class, PolicyCommand.ListPolicies.class,
            PolicyCommand.DryRun.class, PolicyCommand.Apply.class})
final class PolicyCommand implements Runnable {

    private static final String ACTOR = "cli:" + System.getProperty("user.name", "local");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: validate, show, list, "
                + "dry-run, apply");
    }

    static String read(Path file) {
        return TextFiles.read(file, "policy file");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a policy file and list its rules; needs no platform.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Policy policy = new PolicyParser().parse(read(file));
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("valid", true);
                result.put("name", policy.name());
                result.put("sha256", policy.sha256());
                result.put("rules", policy.rules().stream().map(r -> Map.of("id", r.id(), "action", r.action().name(),
                        "when", r.when().toString(), "contentTypes", r.contentTypes().isEmpty() ? List.of("all")
                                : r.contentTypes().stream().map(Object::toString).sorted().toList())).toList());
                JsonOutput.print(spec.commandLine().getOut(), result);
            } else {
                var out = spec.commandLine().getOut();
                out.println("Policy '" + policy.name() + "' is valid (sha256 " + policy.sha256() + "), modalities "
                        + policy.modalities() + ", channel " + policy.channel() + ", default " + policy.defaultAction());
                for (Rule r : policy.rules()) {
                    out.println("  " + r.id() + ": when " + r.when() + " -> " + r.action() + (r.contentTypes().isEmpty()
                            ? "" : " (content types " + r.contentTypes().stream().map(Object::toString).sorted()
                                    .toList() + ")"));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the active version of a policy.")
    static final class Show extends PlatformCommand {
        @Parameters(paramLabel = "NAME", defaultValue = "default", description = "Policy name (default ${DEFAULT-VALUE}).")
        String name;

        @Override
        public Integer call() {
            JsonNode p = access(pl -> pl.policies().active(name), s -> s.get("/api/v1/policies/" + name));
            if (json) {
                JsonOutput.print(out(), p);
            } else {
                out().println("# " + p.path("name").asText() + " version " + p.path("version").asInt() + ", sha256 "
                        + p.path("sha256").asText() + ", by " + p.path("createdBy").asText());
                out().println(p.path("body").asText());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every stored policy version.")
    static final class ListPolicies extends PlatformCommand {
        @Override
        public Integer call() {
            JsonNode result = access(pl -> Map.of("items", pl.policies().list()), s -> s.get("/api/v1/policies"));
            if (json) {
                JsonOutput.print(out(), result);
            } else {
                result.path("items").forEach(p -> out().printf("%s v%d %s %s%n", p.path("name").asText(),
                        p.path("version").asInt(), p.path("active").asBoolean() ? "ACTIVE" : "      ",
                        p.path("sha256").asText()));
            }
            return 0;
        }
    }

    @Command(name = "dry-run", mixinStandardHelpOptions = true,
            description = "Show which recent decisions a draft policy would change.")
    static final class DryRun extends PlatformCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--limit", defaultValue = "500", description = "Recent decisions to replay (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            String text = read(file);
            JsonNode result = access(pl -> Map.of("changes", pl.policies().dryRun(text, limit)),
                    s -> s.post("/api/v1/policies/dry-run?limit=" + limit, HttpRequest.BodyPublishers.ofString(text),
                            "application/yaml"));
            if (json) {
                JsonOutput.print(out(), result);
            } else if (result.path("changes").isEmpty()) {
                out().println("No recent decision would change.");
            } else {
                result.path("changes").forEach(c -> out().printf("%s: %s -> %s (rule %s)%n", c.path("id").asText(),
                        c.path("before").asText(), c.path("after").asText(), c.path("decidingRule").asText()));
            }
            return 0;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Store a policy file as the next version of its policy and activate it.")
    static final class Apply extends PlatformCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            String text = read(file);
            JsonNode p = access(pl -> pl.policies().apply(text, ACTOR),
                    s -> s.post("/api/v1/policies", HttpRequest.BodyPublishers.ofString(text), "application/yaml"));
            if (json) {
                JsonOutput.print(out(), p);
            } else {
                out().println("Activated policy " + p.path("name").asText() + " version " + p.path("version").asInt()
                        + " (sha256 " + p.path("sha256").asText() + ")");
            }
            return 0;
        }
    }
}
