package io.hallmark.governance.factcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The fact-checking pipeline, the entry point of this package: claims from the text ({@link ClaimExtractor}),
 * top-k evidence per claim ({@link EvidenceSource}), a vote from every {@link Verifier}, and the votes combined
 * ({@link VoteCombiner}: the weighted vote, or the trained verdict model) into one verdict per claim; agreement
 * between verifiers is measured with Fleiss' kappa. Thread-safe when its parts are.
 */
public final class FactChecker {

    /** Evidence passages per claim. */
    public static final int DEFAULT_K = 5;

    private final ClaimExtractor extractor;
    private final EvidenceSource evidence;
    private final List<Verifier> verifiers;
    private final VoteCombiner combiner;
    private final int k;

    public FactChecker(ClaimExtractor extractor, EvidenceSource evidence, List<Verifier> verifiers, VoteCombiner combiner,
            int k) {
        if (verifiers.isEmpty()) {
            throw new IllegalArgumentException("A fact checker needs at least one verifier");
        }
        this.extractor = extractor;
        this.evidence = evidence;
        this.verifiers = List.copyOf(verifiers);
        this.combiner = combiner;
        this.k = k;
    }

    public List<Verifier> verifiers() {
        return verifiers;
    }

    public VoteCombiner combiner() {
        return combiner;
    }

    /** Checks every claim of a text. */
    public FactCheckReport check(String text) {
        long start = System.nanoTime();
        List<ClaimCheck> checks = new ArrayList<>();
        for (Claim claim : extractor.extract(text)) {
            checks.add(check(claim));
        }
        return FactCheckReport.of(checks, (System.nanoTime() - start) / 1_000_000);
    }

    /** Checks one claim against evidence from the source. */
    public ClaimCheck check(Claim claim) {
        return check(claim, evidence.find(claim, k));
    }

    /** Checks one claim against the given evidence. */
    public ClaimCheck check(Claim claim, List<Evidence> found) {
        List<Vote> votes = new ArrayList<>(verifiers.size());
        for (Verifier v : verifiers) {
            votes.add(v.verify(claim, found));
        }
        Vote combined = combiner.combine(claim, found, votes);
        return new ClaimCheck(claim, combined.verdict(), combined.confidence(), combiner.name(), votes, found);
    }
}
