package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.policy.Decision;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.policy.PolicyParser;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.StandardAssessors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark check --file TEXT}: runs the governance stage (personal data, safety screens, bias) on a given text
 * without generating, and applies a policy: the one in force for the modality and channel in the platform's database
 * (read from the running server when one holds the data directory, else from a platform started on it), or
 * {@code --policy FILE}. Plugin checks are not run.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the governance stage (PII, safety, bias) and a policy on a text without generating.")
final class CheckCommand implements Callable<Integer> {

    @Mixin PlatformOptions platform;

    @Option(names = "--file", required = true, paramLabel = "TEXT", description = "The text to check (a file).")
    Path file;

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

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "Eval folder to train missing models from (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HallmarkConfig config = platform.load();
        String text = read(file);
        Policy policy = policyFile == null ? activePolicy(config) : new PolicyParser().parse(read(policyFile));
        try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
            GovernanceStage stage = new GovernanceStage(StandardAssessors.of(models));
            long t0 = System.nanoTime();
            Assessment assessment = stage.assess(new AssessmentInput(modality, prompt, text, null, "text/plain", Map.of()));
            double millis = (System.nanoTime() - t0) / 1e6;
            Decision decision = new PolicyEngine().decide(policy, assessment.scores());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("action", decision.action().name());
            doc.put("decidingRule", decision.decidingRule());
            doc.put("firedRules", decision.firedRules());
            doc.put("policy", decision.policyName() + "@" + decision.policySha256().substring(0, 12));
            doc.put("scores", new TreeMap<>(assessment.scores()));
            doc.put("findings", assessment.findings());
            doc.put("millis", Math.round(millis * 10) / 10.0);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, doc);
            } else {
                out.printf("%s%s (policy %s)%n", decision.action(), decision.decidingRule() == null ? ""
                        : " by rule " + decision.decidingRule() + " " + decision.firedRules(), doc.get("policy"));
                new TreeMap<>(assessment.scores()).forEach((k, v) -> out.printf("  %-28s %.3f%n", k, v));
                out.println("findings:");
                assessment.findings().forEach((k, v) -> out.println("  " + k + ": " + JsonOutput.mapper().valueToTree(v)));
            }
            return 0;
        }
    }

    /** The active policy covering the modality and channel, from the server or a platform on the data directory. */
    private Policy activePolicy(HallmarkConfig config) {
        JsonNode stored = PlatformAccess.run(config, pl -> Map.of("items", pl.policies().list()),
                s -> s.get("/api/v1/policies"));
        PolicyParser parser = new PolicyParser();
        List<String> active = new ArrayList<>();
        for (JsonNode p : stored.path("items")) {
            if (p.path("active").asBoolean()) {
                Policy policy = parser.parse(p.path("body").asText());
                if (policy.appliesTo(modality, channel)) {
                    return policy;
                }
                active.add(policy.name());
            }
        }
        throw new HallmarkException("No active policy covers " + modality + " on channel '" + channel + "'; active "
                + "policies: " + active + ". Activate one with `hallmark policy apply FILE`, or pass --policy FILE");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new HallmarkException("Cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
