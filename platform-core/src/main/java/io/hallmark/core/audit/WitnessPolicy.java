package io.hallmark.core.audit;

import java.util.List;
import java.util.Map;

/**
 * How many of which witnesses must have cosigned a checkpoint for a verifier to accept it.
 *
 * @param witnesses the witnesses' keys ({@code hallmark witness public-key} of each)
 * @param quorum how many of them must have cosigned
 */
public record WitnessPolicy(List<CosignerKey> witnesses, int quorum) {

    /** No witness required. */
    public static final WitnessPolicy NONE = new WitnessPolicy(List.of(), 0);

    public WitnessPolicy {
        witnesses = List.copyOf(witnesses);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("A witness quorum must be between 0 and the " + witnesses.size()
                    + " witnesses given, was " + quorum);
        }
    }

    /** {@code null} when {@code note} carries enough valid cosignatures, else what is missing. */
    public String problem(String note) {
        if (quorum == 0) {
            return null;
        }
        Map<String, java.time.Instant> valid = Cosignatures.valid(note, witnesses);
        if (valid.size() >= quorum) {
            return null;
        }
        return "cosigned by " + valid.size() + " of the " + quorum + " required witnesses (valid: "
                + (valid.isEmpty() ? "none" : String.join(", ", valid.keySet())) + ")";
    }
}
