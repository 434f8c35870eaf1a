package io.hallmark.governance.factcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * A SelfCheckGPT-style hallucination signal: the generator is sampled again for the same prompt, and every claim of
 * the kept text is checked against each sample's sentences as evidence. Claims the samples do not support are
 * unstable; {@code selfcheck.instability} is the mean share of samples that fail to support a claim, 0..1.
 */
public final class SelfConsistency {

    private final ClaimExtractor extractor;
    private final List<Verifier> verifiers;

    /** @param verifiers the verifiers that judge a claim against a sample (e.g. a semantic and the consistency one) */
    public SelfConsistency(ClaimExtractor extractor, List<Verifier> verifiers) {
        this.extractor = extractor;
        this.verifiers = List.copyOf(verifiers);
    }

    /** The outcome: the instability per claim (in claim order) and overall. */
    public record Result(List<Claim> claims, List<Double> perClaim, double instability) {}

    /** Scores the text against the samples; with no samples or no claims the instability is 0. */
    public Result score(String text, List<String> samples) {
        return score(text, samples, Integer.MAX_VALUE);
    }

    /**
     * Scores the first {@code maxClaims} claims of the text against the samples (the cost grows with claims times
     * samples); with no samples or no claims the instability is 0.
     */
    public Result score(String text, List<String> samples, int maxClaims) {
        if (maxClaims < 1) {
            throw new IllegalArgumentException("maxClaims must be at least 1, got " + maxClaims);
        }
        List<Claim> all = extractor.extract(text);
        List<Claim> claims = all.size() > maxClaims ? List.copyOf(all.subList(0, maxClaims)) : all;
        List<List<Evidence>> sampleEvidence = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            List<Evidence> evidence = new ArrayList<>();
            String sample = samples.get(s);
            int i = 0;
            for (var span : extractor.sentences(sample)) {
                evidence.add(new Evidence("sample" + s + "#" + i++, "sample" + s, "",
                        sample.substring(span.getStart(), span.getEnd()), 1.0));
            }
            sampleEvidence.add(evidence);
        }
        List<Double> perClaim = new ArrayList<>();
        for (Claim claim : claims) {
            int unsupported = 0;
            for (List<Evidence> evidence : sampleEvidence) {
                long support = verifiers.stream().filter(v -> v.verify(claim, evidence).verdict() == Verdict.SUPPORTED)
                        .count();
                if (support * 2 <= verifiers.size()) {
                    unsupported++;
                }
            }
            perClaim.add(samples.isEmpty() ? 0.0 : (double) unsupported / samples.size());
        }
        double mean = perClaim.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Result(claims, perClaim, mean);
    }
}
