package io.hallmark.governance.factcheck;

import java.util.Map;

/**
 * One verifier's verdict on one claim.
 *
 * @param verifier the verifier's name
 * @param verdict its verdict
 * @param confidence how sure it is, 0..1
 * @param rationale a sentence a reviewer can read
 * @param evidenceId the passage the verdict rests on, or empty
 * @param signals the numbers behind the verdict (similarities, overlaps, mismatches): features of the trained
 *     verdict model and part of the report
 */
public record Vote(String verifier, Verdict verdict, double confidence, String rationale, String evidenceId,
        Map<String, Double> signals) {

    public Vote {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        evidenceId = evidenceId == null ? "" : evidenceId;
        signals = Map.copyOf(signals);
    }

    /** A vote of no opinion (no evidence, verifier unavailable). */
    public static Vote notEnoughInfo(String verifier, String rationale) {
        return new Vote(verifier, Verdict.NOT_ENOUGH_INFO, 0.5, rationale, "", Map.of());
    }
}
