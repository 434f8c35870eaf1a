package io.hallmark.retrieval.eval;

import java.util.Set;

/**
 * A query with the source ids that count as correct answers.
 *
 * @param id the query id (a claim id)
 * @param text the query text
 * @param evidence the sources annotated as supporting or refuting (may be empty)
 * @param candidates every annotated candidate source, whatever its label
 */
public record EvalQuery(String id, String text, Set<String> evidence, Set<String> candidates) {
    public EvalQuery {
        evidence = Set.copyOf(evidence);
        candidates = Set.copyOf(candidates);
    }
}
