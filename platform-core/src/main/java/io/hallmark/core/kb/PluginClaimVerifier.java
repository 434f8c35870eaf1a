package io.hallmark.core.kb;

import io.hallmark.api.CheckResult;
import io.hallmark.api.ClaimVerifier;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plugin's {@link ClaimVerifier} as one of the fact checker's verifiers: its vote joins the combined verdict and
 * the agreement between verifiers under the name {@code plugin:<plugin id>/<name>}. A verifier that cannot run
 * (timeout, failure, plugin disabled) votes NOT_ENOUGH_INFO with the reason as rationale.
 */
final class PluginClaimVerifier implements Verifier {

    /** The longest a plugin may take over one claim. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PluginHost plugins;
    private final String qualifiedName;

    PluginClaimVerifier(PluginHost plugins, String qualifiedName) {
        this.plugins = plugins;
        this.qualifiedName = qualifiedName;
    }

    @Override
    public boolean deterministic() {
        return false; // sampled or third-party: the same claim may get another vote
    }

    @Override
    public String name() {
        return "plugin:" + qualifiedName;
    }

    /** The plugin's archive, by its SHA-256: what judged, for the record of a decision. */
    @Override
    public java.util.Map<String, String> models() {
        String pluginId = qualifiedName.contains("/") ? qualifiedName.substring(0, qualifiedName.indexOf('/'))
                : qualifiedName;
        return plugins.find(pluginId).map(io.hallmark.core.plugin.PluginView::archiveSha256)
                .map(sha -> java.util.Map.of(name(), sha)).orElse(java.util.Map.of());
    }

    @Override
    public Vote verify(Claim claim, List<Evidence> evidence) {
        CheckResult r = plugins.runClaimVerifier(qualifiedName, ClaimVerifier.input(claim.text(), evidence.stream()
                .map(e -> new ClaimVerifier.Passage(e.id(), e.text(), e.score())).toList()),
                CallOptions.defaults("factcheck").withTimeout(TIMEOUT));
        Object verdict = r.details().get("verdict");
        if (verdict == null) {
            return Vote.notEnoughInfo(name(), r.explanation());
        }
        Verdict v;
        try {
            v = Verdict.valueOf(verdict.toString());
        } catch (IllegalArgumentException e) {
            return Vote.notEnoughInfo(name(), "the plugin answered an unknown verdict '" + verdict + "'");
        }
        double confidence = r.details().get("confidence") instanceof Number n ? n.doubleValue() : 0.5;
        Object evidenceId = r.details().get("evidenceId");
        return new Vote(name(), v, Math.max(0, Math.min(1, confidence)), r.explanation(),
                evidenceId == null ? "" : evidenceId.toString(), Map.of());
    }
}
