package io.hallmark.governance.factcheck;

import java.util.ArrayList;
import java.util.List;

/** Where a claim's evidence comes from: a knowledge base, or a fixed passage in evaluations. */
public interface EvidenceSource {

    /** At most {@code k} passages for the claim, best first. */
    List<Evidence> find(Claim claim, int k);

    /**
     * The snapshot of the evidence this source reads (a knowledge base's version), for the record of what judged a
     * decision; empty when the source has none (fixed passages in evaluations).
     */
    default java.util.Optional<String> snapshot() {
        return java.util.Optional.empty();
    }

    /** The evidence of several claims, in order (implementations may batch the work, e.g. embed all queries at once). */
    default List<List<Evidence>> findAll(List<Claim> claims, int k) {
        List<List<Evidence>> out = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            out.add(find(c, k));
        }
        return out;
    }
}
