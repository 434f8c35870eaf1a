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

    /**
     * Checks the live log: the newest stored checkpoint with the cosignatures stored beside it
     * ({@code audit_cosignatures}) must meet the policy. Empty when it does (or no witness is required), else what is
     * missing; a log without a checkpoint fails a policy that requires witnesses.
     */
    public java.util.Optional<String> problemWithLatest(Checkpoints checkpoints) {
        if (quorum == 0) {
            return java.util.Optional.empty();
        }
        java.util.Optional<Checkpoints.Stored> latest = checkpoints.latest();
        if (latest.isEmpty()) {
            return java.util.Optional.of("no checkpoint is stored, so none is cosigned by the " + quorum
                    + " required witnesses");
        }
        String problem = problem(checkpoints.cosignedNote(latest.get()));
        return problem == null ? java.util.Optional.empty() : java.util.Optional.of("the newest checkpoint #"
                + latest.get().number() + " (size " + latest.get().checkpoint().treeSize() + ") is " + problem);
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
