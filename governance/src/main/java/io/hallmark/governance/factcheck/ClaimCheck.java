package io.hallmark.governance.factcheck;

import java.util.List;

/**
 * The outcome for one claim: its verdict and confidence, every verifier's vote and the evidence they saw.
 *
 * @param claim the claim with its span
 * @param verdict the combined verdict
 * @param confidence the combined confidence, 0..1
 * @param combiner how the votes were combined
 * @param votes each verifier's vote
 * @param evidence the passages retrieved for the claim, best first
 */
public record ClaimCheck(Claim claim, Verdict verdict, double confidence, String combiner, List<Vote> votes,
        List<Evidence> evidence) {

    public ClaimCheck {
        votes = List.copyOf(votes);
        evidence = List.copyOf(evidence);
    }

    /** The verdicts of the individual verifiers, in order. */
    public List<Verdict> verdicts() {
        return votes.stream().map(Vote::verdict).toList();
    }
}
