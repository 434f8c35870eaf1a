package io.hallmark.governance.factcheck;

import java.util.List;

/** Turns the verifiers' votes on one claim into the claim's verdict. */
public interface VoteCombiner {

    /** A name for reports, e.g. {@code weighted-vote}. */
    String name();

    /** The combined vote; {@code evidence} is what the verifiers saw. */
    Vote combine(Claim claim, List<Evidence> evidence, List<Vote> votes);
}
