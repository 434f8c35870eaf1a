package io.hallmark.governance.factcheck;

import java.util.List;

/** Where a claim's evidence comes from: a knowledge base, or a fixed passage in evaluations. */
public interface EvidenceSource {

    /** At most {@code k} passages for the claim, best first. */
    List<Evidence> find(Claim claim, int k);
}
