package io.hallmark.core.jobs;

import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckOutcome;
import io.hallmark.api.CheckResult;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The governance checks of enabled plugins, as one assessor: failed checks count in {@code checks.failed}. */
public final class PluginChecksAssessor implements Assessor {

    private final PluginHost plugins;

    public PluginChecksAssessor(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "plugin-checks";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        List<CheckResult> results = plugins.runChecks(new CheckInput(input.modality(), input.prompt(), input.text(),
                input.artifact(), input.mediaType(), input.metadata()),
                CallOptions.defaults("governance").withTimeout(Duration.ofSeconds(60)));
        long failed = results.stream().filter(r -> r.outcome() == CheckOutcome.FAIL).count();
        out.score("checks.failed", failed);
        out.findings(name(), results.stream().map(r -> Map.of("check", r.check(), "outcome", r.outcome().name(),
                "score", r.score(), "explanation", r.explanation(), "spans", r.spans().stream()
                        .map(sp -> Map.of("start", sp.start(), "end", sp.end(), "label", sp.label())).toList(),
                "details", r.details())).toList());
    }
}
