package io.hallmark.governance.safety;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Safety screening in the governance stage: scores {@code safety.injection}, {@code safety.jailbreak} and
 * {@code safety.harmful} on the prompt and {@code safety.toxicity} on the output text, with the toxic sentences as
 * findings. Models load on first use.
 */
public final class SafetyAssessor implements Assessor {

    private final GovernanceModels models;

    public SafetyAssessor(GovernanceModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "safety";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        SafetyScreen screen = models.safety();
        Map<String, Object> findings = new LinkedHashMap<>();
        if (!input.prompt().isBlank()) {
            Map<String, Double> prompt = screen.screenPrompt(input.prompt());
            out.score("safety.injection", round(prompt.get("injection")));
            out.score("safety.jailbreak", round(prompt.get("jailbreak")));
            out.score("safety.harmful", round(prompt.get("harmful")));
            findings.put("prompt", Map.of("injection", round(prompt.get("injection")), "jailbreak",
                    round(prompt.get("jailbreak")), "harmful", round(prompt.get("harmful"))));
        }
        if (input.text() != null && !input.text().isBlank()) {
            SafetyScreen.Toxicity tox = screen.toxicity(input.text());
            out.score("safety.toxicity", round(tox.score()));
            findings.put("toxicSpans", tox.spans());
        }
        findings.put("thresholdNote", "scores of 0.8 and above are flagged (the threshold tuned on dev)");
        out.findings(name(), findings);
        models.loadedModelHashes().forEach((model, sha) -> {
            if (model.equals("safety") || model.startsWith("embedder:")) {
                out.usedModel(model, sha);
            }
        });
    }

    @Override
    public java.util.Set<String> metrics() {
        return java.util.Set.of("safety.injection", "safety.jailbreak", "safety.harmful", "safety.toxicity");
    }

    private static double round(double v) {
        return SafetyScreen.round(v);
    }

    @Override
    public boolean screensPrompt() {
        return true;
    }
}
