package io.hallmark.governance.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the governance stage found about one piece of content: the scores policies decide on (names from
 * {@link io.hallmark.governance.policy.Metrics}) and the detailed findings kept in the report (claims, evidence,
 * spans, explanations), by assessor; the checks that could not run ({@link #unavailable()}, with why), the metrics an
 * assessor deliberately did not produce because they do not apply ({@link #notApplicable()}), and the models that
 * judged ({@link #judgedBy()}).
 */
public final class Assessment {

    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, Object> findings = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new TreeMap<>();
    private final Set<String> notApplicable = new TreeSet<>();
    private final Set<String> unknown = new TreeSet<>();
    private final JudgedBy.Builder judgedBy = JudgedBy.builder();

    /** Sets a score. */
    public Assessment score(String metric, double value) {
        scores.put(metric, value);
        notApplicable.remove(metric);
        return this;
    }

    /** Keeps an assessor's detailed findings (JSON-serializable). */
    public Assessment findings(String assessor, Object details) {
        findings.put(assessor, details);
        return this;
    }

    /**
     * Says that a metric was deliberately not produced because it does not apply to this content (no claims to
     * check, no output text to screen for toxicity): a policy rule on it then neither fires nor counts as unknown.
     */
    public Assessment notApplicable(String metric) {
        if (!scores.containsKey(metric)) {
            notApplicable.add(metric);
        }
        return this;
    }

    /**
     * Records that a check could not run (its model is training or missing, its knowledge base does not exist, it
     * threw or timed out): the content is then never approved on the stage's say-so (fail closed).
     */
    public Assessment unavailable(String check, String reason) {
        unavailable.put(check, reason);
        return this;
    }

    /** Marks metrics whose value is unknown because the assessor that produces them could not run. */
    Assessment unknown(Set<String> metrics) {
        metrics.stream().filter(m -> !scores.containsKey(m)).forEach(unknown::add);
        return this;
    }

    /** Records a model that judged this content (its name and the SHA-256 of its bytes). */
    public Assessment usedModel(String name, String sha256) {
        judgedBy.model(name, sha256);
        return this;
    }

    /** The record of what judged this content, for adding the policy, knowledge base and generator. */
    public JudgedBy.Builder judgedByBuilder() {
        return judgedBy;
    }

    public Map<String, Double> scores() {
        return Map.copyOf(scores);
    }

    public Map<String, Object> findings() {
        return Map.copyOf(findings);
    }

    /** The checks that could not run, with why, sorted by name. */
    public Map<String, String> unavailable() {
        return new TreeMap<>(unavailable);
    }

    /** The metrics that were deliberately not produced because they do not apply. */
    public Set<String> notApplicable() {
        return new TreeSet<>(notApplicable);
    }

    /** The metrics an assessor that could not run would have produced. */
    public Set<String> unknownMetrics() {
        return new TreeSet<>(unknown);
    }

    /** The models (and knowledge base) that judged this content so far. */
    public JudgedBy judgedBy() {
        return judgedBy.build();
    }

    /** Copies another assessment's scores, findings, not-applicable metrics, unavailable checks and models into this. */
    void merge(Assessment other) {
        other.scores.forEach(this::score);
        findings.putAll(other.findings);
        other.notApplicable.forEach(this::notApplicable);
        unavailable.putAll(other.unavailable);
        unknown.addAll(other.unknown);
        judgedBy.merge(other.judgedBy);
    }
}
