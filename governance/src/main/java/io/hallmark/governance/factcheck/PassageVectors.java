package io.hallmark.governance.factcheck;

import java.util.List;
import java.util.Map;

/**
 * Vectors that exist already, so a verifier need not embed again: a knowledge base stores the embedding of every
 * chunk's text by its passage-vector models, and has just embedded the claims it searched for
 * ({@link KnowledgeBaseEvidence#passageVectors()}).
 */
public interface PassageVectors {

    /** None stored: every passage and claim is embedded. */
    PassageVectors NONE = (model, evidence) -> Map.of();

    /**
     * The stored vectors, by evidence id, of those passages that have one made by {@code model} (an embedder
     * name); the vector must be that model's document embedding of {@link Evidence#text()}.
     */
    Map<String, float[]> find(String model, List<Evidence> evidence);

    /**
     * Vectors of claim texts made by {@code model} as documents, by text, where known already (a knowledge base
     * on a model without query prefixes has embedded them as its search queries); none by default.
     */
    default Map<String, float[]> claims(String model, List<String> texts) {
        return Map.of();
    }

    /** Whether {@link #claims} will know the claims' vectors made by {@code model} (once they were searched for). */
    default boolean knowsClaims(String model) {
        return false;
    }
}
