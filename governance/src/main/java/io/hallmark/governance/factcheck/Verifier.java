package io.hallmark.governance.factcheck;

import java.util.List;

/**
 * An independent judge of one claim against its evidence. Implementations are thread-safe.
 * Deployments add their own (an NLI model, MiniCheck) as a plugin {@link io.hallmark.api.GovernanceCheck}, or in
 * code through {@link FactChecker}'s verifier list.
 */
public interface Verifier {

    /** A stable name for reports, e.g. {@code semantic-minilm}. */
    String name();

    /**
     * Work on the claims alone that {@link #verifyAll} will need (embedding them), done while their evidence is
     * still being searched for; {@link FactChecker#check(String)} calls it on another thread than the search.
     * Nothing by default.
     */
    default void prepare(List<Claim> claims) {}

    /**
     * The models this verifier judges with, by name, with the SHA-256 of their bytes (for the record of what judged
     * a decision); none by default (rule-based verifiers).
     */
    default java.util.Map<String, String> models() {
        return java.util.Map.of();
    }

    /** Whether the same claim and evidence always get the same vote (an LLM or a plugin may not). */
    default boolean deterministic() {
        return true;
    }

    /** Judges the claim; with no evidence the answer is usually {@link Verdict#NOT_ENOUGH_INFO}. */
    Vote verify(Claim claim, List<Evidence> evidence);

    /**
     * Judges several claims, each against its own evidence ({@code evidence.get(i)} for {@code claims.get(i)});
     * the same votes as {@link #verify} one by one, but an implementation may batch the work (embed every claim
     * and passage of a text in one call).
     */
    default List<Vote> verifyAll(List<Claim> claims, List<List<Evidence>> evidence) {
        if (claims.size() != evidence.size()) {
            throw new IllegalArgumentException("Expected one evidence list per claim, got " + evidence.size()
                    + " for " + claims.size() + " claims");
        }
        List<Vote> out = new java.util.ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            out.add(verify(claims.get(i), evidence.get(i)));
        }
        return out;
    }
}
