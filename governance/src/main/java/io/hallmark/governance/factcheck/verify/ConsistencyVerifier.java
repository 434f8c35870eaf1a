package io.hallmark.governance.factcheck.verify;

import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the surface facts of a claim with the passage that covers most of its words: numbers and dates,
 * named entities, negation and antonyms ({@code increase}/{@code decrease}). A well-covered claim with a
 * mismatch is refuted, a well-covered one without is supported, a poorly covered one has not enough information.
 */
public final class ConsistencyVerifier implements Verifier {

    private final double coverage;

    /** @param coverage the share of the claim's content words a passage must contain to be compared, 0..1 */
    public ConsistencyVerifier(double coverage) {
        this.coverage = coverage;
    }

    public ConsistencyVerifier() {
        this(0.6);
    }

    @Override
    public String name() {
        return "consistency";
    }

    @Override
    public Vote verify(Claim claim, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no evidence retrieved");
        }
        TextSignals c = TextSignals.of(claim.text());
        Evidence best = null;
        TextSignals bestSignals = null;
        double bestCoverage = -1;
        for (Evidence e : evidence) {
            TextSignals s = TextSignals.of(e.text());
            double cov = c.coverageBy(s);
            if (cov > bestCoverage) {
                bestCoverage = cov;
                best = e;
                bestSignals = s;
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> missingNumbers = new HashSet<>(c.numbers());
        missingNumbers.removeAll(bestSignals.numbers());
        boolean numberMismatch = !missingNumbers.isEmpty() && !bestSignals.numbers().isEmpty();
        if (numberMismatch) {
            problems.add("numbers " + missingNumbers + " not in the evidence, which says " + bestSignals.numbers());
        }
        boolean negation = c.negated() != bestSignals.negated();
        if (negation) {
            problems.add(c.negated() ? "the claim is negated, the evidence is not" : "the evidence is negated, the claim is not");
        }
        List<String> antonyms = c.antonymsIn(bestSignals);
        if (!antonyms.isEmpty()) {
            problems.add("opposites " + antonyms);
        }
        Set<String> missingNames = new HashSet<>(c.names());
        TextSignals matched = bestSignals;
        missingNames.removeIf(n -> containsName(matched, n));
        boolean nameMismatch = !missingNames.isEmpty() && !bestSignals.names().isEmpty();
        if (nameMismatch) {
            problems.add("names " + missingNames + " not in the evidence");
        }
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("coverage", bestCoverage);
        signals.put("numberMismatch", numberMismatch ? 1.0 : 0.0);
        signals.put("negationMismatch", negation ? 1.0 : 0.0);
        signals.put("antonyms", (double) antonyms.size());
        signals.put("nameMismatch", nameMismatch ? 1.0 : 0.0);
        if (bestCoverage < coverage) {
            return new Vote(name(), Verdict.NOT_ENOUGH_INFO, clamp(1 - bestCoverage / 2),
                    String.format("the best passage covers only %.0f%% of the claim's words", bestCoverage * 100),
                    best.id(), signals);
        }
        if (!problems.isEmpty()) {
            double conf = clamp(0.5 + 0.4 * bestCoverage + 0.05 * problems.size());
            return new Vote(name(), Verdict.REFUTED, conf, "passage " + best.id() + " disagrees: "
                    + String.join("; ", problems), best.id(), signals);
        }
        return new Vote(name(), Verdict.SUPPORTED, clamp(0.4 + 0.5 * bestCoverage), String.format(
                "passage %s covers %.0f%% of the claim's words with the same numbers, names and polarity", best.id(),
                bestCoverage * 100), best.id(), signals);
    }

    private static boolean containsName(TextSignals s, String name) {
        for (String n : s.names()) {
            if (n.contains(name) || name.contains(n)) {
                return true;
            }
        }
        return s.content().containsAll(List.of(name.split("\\s+")));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
