package io.hallmark.governance.factcheck;

import java.util.List;

/** Turns the verifiers' votes on one claim into the claim's verdict. */
public interface VoteCombiner {

    /** A name for reports, e.g. {@code weighted-vote}. */
    String name();

    /**
     * The SHA-256 of what this combiner decides with (its weights, its trained model), for the record of what judged
     * a decision; empty when it cannot say.
     */
    default java.util.Optional<String> sha256() {
        return java.util.Optional.empty();
    }

    /** The combined vote; {@code evidence} is what the verifiers saw. */
    Vote combine(Claim claim, List<Evidence> evidence, List<Vote> votes);
}
