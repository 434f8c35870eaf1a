package io.hallmark.core.jobs;

import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckOutcome;
import io.hallmark.api.CheckResult;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginView;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The governance checks of enabled plugins, as one assessor: failed checks count in {@code checks.failed}. A check
 * that could not run (it threw, timed out, its plugin's circuit is open: UNDECIDED with an {@code error}) is an
 * unavailable check of its own, {@code plugin:<plugin>/<check>}, so the item fails closed. Every check that ran is on
 * record with its plugin archive's SHA-256.
 */
public final class PluginChecksAssessor implements Assessor {

    private final PluginHost plugins;

    public PluginChecksAssessor(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "plugin-checks";
    }

    /** Plugin checks are third-party code (possibly sampling a model): not known to be deterministic. */
    @Override
    public boolean deterministic() {
        return plugins.list().stream().noneMatch(p -> !p.checks().isEmpty() && "ENABLED".equals(p.state()));
    }

    @Override
    public Set<String> metrics() {
        return Set.of("checks.failed");
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        List<CheckResult> results = plugins.runChecks(new CheckInput(input.modality(), input.prompt(), input.text(),
                input.artifact(), input.mediaType(), input.metadata()),
                CallOptions.defaults("governance").withTimeout(Duration.ofSeconds(60)));
        long failed = results.stream().filter(r -> r.outcome() == CheckOutcome.FAIL).count();
        out.score("checks.failed", failed);
        for (CheckResult r : results) {
            if (couldNotRun(r)) {
                out.unavailable("plugin:" + r.check(), String.valueOf(r.details().get("error")));
            } else {
                String pluginId = r.check().contains("/") ? r.check().substring(0, r.check().indexOf('/')) : r.check();
                plugins.find(pluginId).map(PluginView::archiveSha256).ifPresent(sha ->
                        out.usedModel("plugin:" + r.check(), sha));
            }
        }
        out.findings(name(), results.stream().map(r -> Map.of("check", r.check(), "outcome", r.outcome().name(),
                "score", r.score(), "explanation", r.explanation(), "spans", r.spans().stream()
                        .map(sp -> Map.of("start", sp.start(), "end", sp.end(), "label", sp.label())).toList(),
                "details", r.details())).toList());
    }

    /** Whether a result says the check could not run (the host's UNDECIDED with an error), not "could not decide". */
    static boolean couldNotRun(CheckResult r) {
        return r.outcome() == CheckOutcome.UNDECIDED && r.details().get("error") != null
                && r.explanation().startsWith("The check could not run");
    }
}
