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

    /** Judges the claim; with no evidence the answer is usually {@link Verdict#NOT_ENOUGH_INFO}. */
    Vote verify(Claim claim, List<Evidence> evidence);
}
