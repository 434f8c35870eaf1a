package io.hallmark.governance.factcheck;

import java.util.List;
import java.util.Map;

/**
 * The fact-check of one text.
 *
 * @param claims every claim with its verdict, votes and evidence
 * @param factuality the share of claims supported, 0..1 (1 when there are no claims)
 * @param refuted claims refuted
 * @param unverified claims without enough information either way
 * @param kappa Fleiss' kappa between the verifiers over the claims
 * @param disagreement {@code (1 - kappa) / 2}, 0..1
 * @param millis how long the check took
 * @param phaseMillis how long each phase took, in order: {@code extract}; {@code prepare} (the verifiers' work on
 *     the claims alone, done while the search runs); {@code evidence} (until the evidence is found, so
 *     {@code prepare} overlaps it); one entry per verifier (its name); {@code combine}. Empty when not measured
 */
public record FactCheckReport(List<ClaimCheck> claims, double factuality, int refuted, int unverified, double kappa,
        double disagreement, long millis, Map<String, Double> phaseMillis) {

    public FactCheckReport {
        claims = List.copyOf(claims);
        phaseMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMillis));
    }

    /** Sums up checked claims. */
    public static FactCheckReport of(List<ClaimCheck> checks, long millis) {
        return of(checks, millis, Map.of());
    }

    /** Sums up checked claims, with the time each phase took. */
    public static FactCheckReport of(List<ClaimCheck> checks, long millis, Map<String, Double> phaseMillis) {
        int supported = 0;
        int refuted = 0;
        int unverified = 0;
        for (ClaimCheck c : checks) {
            switch (c.verdict()) {
                case SUPPORTED -> supported++;
                case REFUTED -> refuted++;
                case NOT_ENOUGH_INFO -> unverified++;
            }
        }
        List<List<Verdict>> votes = checks.stream().map(ClaimCheck::verdicts).toList();
        double kappa = Agreement.fleissKappa(votes);
        return new FactCheckReport(checks, checks.isEmpty() ? 1.0 : (double) supported / checks.size(), refuted,
                unverified, kappa, Agreement.disagreement(votes), millis, phaseMillis);
    }
}
