package io.hallmark.app;

import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.policy.DefaultPolicy;
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
import java.util.LinkedHashMap;
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
 * without generating, and applies a policy (the built-in default, or {@code --policy FILE}). It needs no database:
 * plugin checks and the database's active policy are not consulted.
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

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy file (default: the built-in default).")
    @Nullable Path policyFile;

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
        Policy policy = policyFile == null ? DefaultPolicy.load() : new PolicyParser().parse(read(policyFile));
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

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new HallmarkException("Cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
