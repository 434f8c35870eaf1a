package io.hallmark.governance.stage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the governance stage found about one piece of content: the scores policies decide on (names from
 * {@link io.hallmark.governance.policy.Metrics}) and the detailed findings kept in the report (claims, evidence,
 * spans, explanations), by assessor.
 */
public final class Assessment {

    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, Object> findings = new LinkedHashMap<>();

    /** Sets a score. */
    public Assessment score(String metric, double value) {
        scores.put(metric, value);
        return this;
    }

    /** Keeps an assessor's detailed findings (JSON-serializable). */
    public Assessment findings(String assessor, Object details) {
        findings.put(assessor, details);
        return this;
    }

    public Map<String, Double> scores() {
        return Map.copyOf(scores);
    }

    public Map<String, Object> findings() {
        return Map.copyOf(findings);
    }
}
