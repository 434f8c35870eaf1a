package io.hallmark.governance.factcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Where the evidence comes from. */
    public EvidenceSource evidence() {
        return evidence;
    }

    public VoteCombiner combiner() {
        return combiner;
    }

    /**
     * Checks every claim of a text: the evidence of all claims is found first and every verifier then judges all
     * claims in one call ({@link Verifier#verifyAll}), so that claims and passages are embedded in batches.
     */
    public FactCheckReport check(String text) {
        long start = System.nanoTime();
        Map<String, Double> phases = new LinkedHashMap<>();
        List<Claim> claims = extractor.extract(text);
        long t = lap(phases, "extract", start);
        List<List<Evidence>> found = findWhilePreparing(claims, phases);
        lap(phases, "evidence", t);
        List<ClaimCheck> checks = checkAll(claims, found, phases);
        return FactCheckReport.of(checks, (System.nanoTime() - start) / 1_000_000, phases);
    }

    /**
     * The claims' evidence, searched for on a virtual thread while the verifiers prepare on this one (on two cores
     * the search and a second embedding model overlap); the time the preparation took is under {@code prepare}.
     */
    private List<List<Evidence>> findWhilePreparing(List<Claim> claims, Map<String, Double> phases) {
        if (claims.isEmpty()) {
            return List.of();
        }
        java.util.concurrent.FutureTask<List<List<Evidence>>> search = new java.util.concurrent.FutureTask<>(
                () -> evidence.findAll(claims, k));
        Thread.ofVirtual().name("factcheck-evidence").start(search);
        long t = System.nanoTime();
        try {
            for (Verifier v : verifiers) {
                v.prepare(claims);
            }
        } catch (RuntimeException e) {
            search.cancel(true);
            throw e;
        }
        lap(phases, "prepare", t);
        try {
            return search.get();
        } catch (InterruptedException e) {
            search.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while searching for evidence", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Checks claims, each against its own evidence list. */
    public List<ClaimCheck> checkAll(List<Claim> claims, List<List<Evidence>> found) {
        return checkAll(claims, found, new LinkedHashMap<>());
    }

    private List<ClaimCheck> checkAll(List<Claim> claims, List<List<Evidence>> found, Map<String, Double> phases) {
        List<List<Vote>> votes = votes(verifiers, claims, found, phases);
        long t = System.nanoTime();
        List<ClaimCheck> checks = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Vote combined = combiner.combine(claim, found.get(i), votes.get(i));
            checks.add(new ClaimCheck(claim, combined.verdict(), combined.confidence(), combiner.name(), votes.get(i),
                    found.get(i)));
        }
        lap(phases, "combine", t);
        return checks;
    }

    /** Records the milliseconds since {@code since} under {@code phase}; returns now. */
    private static long lap(Map<String, Double> phases, String phase, long since) {
        long now = System.nanoTime();
        phases.merge(phase, Math.round((now - since) / 1e4) / 100.0, Double::sum);
        return now;
    }

    /** Every verifier's vote on every claim: {@code result.get(i)} holds the votes on claim i, in verifier order. */
    public static List<List<Vote>> votes(List<Verifier> verifiers, List<Claim> claims, List<List<Evidence>> found) {
        return votes(verifiers, claims, found, new LinkedHashMap<>());
    }

    private static List<List<Vote>> votes(List<Verifier> verifiers, List<Claim> claims, List<List<Evidence>> found,
            Map<String, Double> phases) {
        if (claims.size() != found.size()) {
            throw new IllegalArgumentException("Expected one evidence list per claim, got " + found.size() + " for "
                    + claims.size() + " claims");
        }
        List<List<Vote>> byVerifier = new ArrayList<>(verifiers.size());
        for (Verifier v : verifiers) {
            long t = System.nanoTime();
            List<Vote> cast = v.verifyAll(claims, found);
            lap(phases, v.name(), t);
            if (cast.size() != claims.size()) {
                throw new IllegalStateException("Verifier " + v.name() + " returned " + cast.size() + " votes for "
                        + claims.size() + " claims");
            }
            byVerifier.add(cast);
        }
        List<List<Vote>> out = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            List<Vote> perClaim = new ArrayList<>(verifiers.size());
            for (List<Vote> cast : byVerifier) {
                perClaim.add(cast.get(i));
            }
            out.add(perClaim);
        }
        return out;
    }

    /** Checks one claim against evidence from the source. */
    public ClaimCheck check(Claim claim) {
        return check(claim, evidence.find(claim, k));
    }

    /** Checks one claim against the given evidence. */
    public ClaimCheck check(Claim claim, List<Evidence> found) {
        return checkAll(List.of(claim), List.of(found)).get(0);
    }
}
