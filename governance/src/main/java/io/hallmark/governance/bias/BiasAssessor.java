package io.hallmark.governance.bias;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bias scoring in the governance stage: {@code bias.<axis>} for the nine axes and {@code bias.max}, over the output
 * text (or, for images and video, their caption); findings hold the spans with explanations, the counterfactual
 * probes and the representation statistics. Models load on first use.
 */
public final class BiasAssessor implements Assessor {

    private final GovernanceModels models;

    public BiasAssessor(GovernanceModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "bias";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        String text = input.text() == null || input.text().isBlank() ? input.prompt() : input.text();
        BiasScorer.Result r = models.bias().score(text);
        r.scores().forEach((axis, s) -> out.score("bias." + axis, s));
        out.score("bias.max", r.max());
        Map<String, Object> findings = new LinkedHashMap<>();
        findings.put("spans", r.spans());
        findings.put("counterfactualProbes", r.probes());
        findings.put("representation", r.representation());
        out.findings(name(), findings);
        models.loadedModelHashes().forEach((model, sha) -> {
            if (model.equals("bias") || model.startsWith("embedder:")) {
                out.usedModel(model, sha);
            }
        });
    }

    @Override
    public java.util.Set<String> metrics() {
        java.util.Set<String> m = new java.util.HashSet<>();
        m.add("bias.max");
        io.hallmark.governance.policy.Metrics.BIAS_AXES.forEach(axis -> m.add("bias." + axis));
        return m;
    }
}
