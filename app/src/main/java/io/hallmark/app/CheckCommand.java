package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.Modality;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.policy.ContentChecks;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark check --file TEXT} (or {@code --replay ITEM}, below): runs the whole governance stage (fact checking against the configured knowledge
 * base, personal data, safety screens, bias, code findings, plugin checks) on a given text without generating, and
 * applies a policy: the one in force for the modality and channel in the platform's database, or
 * {@code --policy FILE}. It runs on a platform started on the data directory, or through the running server's
 * {@code POST /api/v1/checks} when one holds the directory. {@code --replay ITEM} re-runs governance on a stored item
 * with the policy version recorded with it and compares with the recorded decision.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the whole governance stage and a policy on a text without generating.")
final class CheckCommand implements Callable<Integer> {

    @Mixin PlatformOptions platform;

    @Option(names = "--file", paramLabel = "TEXT", description = "The text to check (a file).")
    @Nullable Path file;

    @Option(names = "--replay", paramLabel = "ITEM",
            description = "Re-run governance on a stored item with its recorded policy version and compare with the "
                    + "recorded decision (says which checks are not deterministic and which models changed).")
    java.util.@Nullable UUID replay;

    @Option(names = "--prompt", paramLabel = "P", defaultValue = "", description = "The prompt that produced it.")
    String prompt;

    @Option(names = "--modality", paramLabel = "M", defaultValue = "TEXT", description = "TEXT, CODE, IMAGE or VIDEO.")
    Modality modality;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A policy file (default: the active policy for the modality and channel in the database).")
    @Nullable Path policyFile;

    @Option(names = "--channel", paramLabel = "C", defaultValue = "default",
            description = "The channel whose active policy applies (default ${DEFAULT-VALUE}).")
    String channel;

    @Option(names = "--content-type", paramLabel = "TYPE", defaultValue = "general",
            description = "story, news, code, kb-answer or general (default ${DEFAULT-VALUE}): which rules apply.")
    String contentType;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "Eval folder to train missing models from (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<ConfigKey, String> extra = new EnumMap<>(ConfigKey.class);
        if (evalDir != null) {
            extra.put(ConfigKey.EVAL_DIR, evalDir.toString());
        }
        HallmarkConfig config = platform.load(extra);
        if ((file == null) == (replay == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give either --file TEXT (check a text) or "
                    + "--replay ITEM (re-run governance on a stored item)");
        }
        if (replay != null) {
            return replay(config);
        }
        io.hallmark.governance.policy.ContentType type;
        try {
            type = io.hallmark.governance.policy.ContentType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--content-type: " + e.getMessage());
        }
        ContentChecks.Request request = new ContentChecks.Request(modality, channel, prompt, read(file), type);
        String draft = policyFile == null ? null : read(policyFile);
        JsonNode result = PlatformAccess.run(config, localOnlyFlags(), pl -> pl.checks().check(request, draft), server -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", request.text());
            body.put("prompt", request.prompt());
            body.put("modality", modality.name());
            body.put("channel", channel);
            body.put("contentType", type.id());
            if (draft != null) {
                body.put("policy", draft);
            }
            return server.post("/api/v1/checks", HttpRequest.BodyPublishers.ofString(JsonOutput.mapper().valueToTree(body).toString()),
                    "application/json");
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", String.valueOf(file));
            JsonOutput.mapper().convertValue(result, Map.class).forEach((k, v) -> doc.put(String.valueOf(k), v));
            doc.put("policy", result.path("policy").asText() + "@" + shortHash(result));
            JsonOutput.print(out, doc);
        } else {
            String rule = result.path("decidingRule").isNull() || result.path("decidingRule").isMissingNode() ? ""
                    : " by rule " + result.path("decidingRule").asText() + " " + result.path("firedRules");
            out.printf("%s%s (policy %s@%s, %.0f ms)%n", result.path("action").asText(), rule,
                    result.path("policy").asText(), shortHash(result), result.path("millis").asDouble());
            if (!result.path("policyAction").asText(result.path("action").asText())
                    .equals(result.path("action").asText())) {
                out.printf("  fail closed: the policy alone said %s%n", result.path("policyAction").asText());
            }
            result.path("unavailable").properties().forEach(e -> out.printf("  not checked: %s: %s%n", e.getKey(),
                    e.getValue().asText()));
            if (!result.path("unknownMetrics").isEmpty()) {
                out.println("  unknown metrics: " + String.join(", ", java.util.stream.StreamSupport.stream(
                        result.path("unknownMetrics").spliterator(), false).map(JsonNode::asText).toList()));
            }
            result.path("scores").properties().forEach(e -> out.printf("  %-28s %.3f%n", e.getKey(),
                    e.getValue().asDouble()));
            out.println("findings:");
            result.path("findings").properties().forEach(e -> out.println("  " + e.getKey() + ": " + e.getValue()));
            if (result.path("judgedBy").path("models").size() > 0) {
                out.println("judged by:");
                result.path("judgedBy").path("models").properties().forEach(e -> out.printf("  %-40s %s%n",
                        e.getKey(), e.getValue().asText()));
            }
        }
        return 0;
    }

    /** The flags a running server cannot take from this command: the platform's, and the eval folder. */
    private java.util.List<String> localOnlyFlags() {
        java.util.List<String> flags = new java.util.ArrayList<>(platform.localOnlyFlags());
        if (evalDir != null) {
            flags.add("--eval-dir");
        }
        return flags;
    }

    private int replay(HallmarkConfig config) {
        java.util.UUID item = replay;
        JsonNode result = PlatformAccess.run(config, localOnlyFlags(), pl -> pl.replays().replay(item),
                server -> server.post("/api/v1/checks/replay/" + item, HttpRequest.BodyPublishers.noBody(),
                        "application/json"));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, result);
            return 0;
        }
        out.printf("%s: recorded %s, replayed %s with policy %s%n", result.path("same").asBoolean() ? "SAME" : "DIFFERENT",
                result.path("recordedAction").asText(), result.path("replayedAction").asText(),
                result.path("policy").asText());
        result.path("changedScores").properties().forEach(e -> out.printf("  score %-26s recorded %s, now %s%n",
                e.getKey(), e.getValue().get(0), e.getValue().get(1)));
        result.path("changedModels").properties().forEach(e -> out.printf("  model %-26s recorded %s, now %s%n",
                e.getKey(), e.getValue().get(0).asText("(none)"), e.getValue().get(1).asText("(none)")));
        result.path("unavailable").properties().forEach(e -> out.printf("  not checked: %s: %s%n", e.getKey(),
                e.getValue().asText()));
        out.println("  not deterministic: " + (result.path("notDeterministic").isEmpty() ? "none"
                : result.path("notDeterministic").toString()));
        if (!result.path("changedAssessors").isEmpty()) {
            out.println("  scores changed in: " + result.path("changedAssessors"));
        }
        if (result.hasNonNull("note")) {
            out.println("  note: " + result.path("note").asText());
        }
        return 0;
    }

    private static String shortHash(JsonNode result) {
        String sha = result.path("policySha256").asText();
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static String read(Path f) {
        return TextFiles.read(f, "text file");
    }
}
