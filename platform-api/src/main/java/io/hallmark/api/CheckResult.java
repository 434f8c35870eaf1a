package io.hallmark.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scored, explained finding of one governance check.
 *
 * @param check the check's name
 * @param outcome pass, warn, fail or undecided
 * @param score from 0 (no concern) to 1 (maximal concern)
 * @param explanation one or two sentences a reviewer can read
 * @param spans the parts of the text that drove the finding
 * @param details structured details (JSON-serializable) kept in the report
 */
public record CheckResult(
        String check, CheckOutcome outcome, double score, String explanation, List<Span> spans,
        Map<String, Object> details) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Score must lie in [0, 1], was " + score);
        }
        spans = List.copyOf(spans);
        details = Map.copyOf(details);
    }
}
