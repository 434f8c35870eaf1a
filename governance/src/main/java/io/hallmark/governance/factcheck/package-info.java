/**
 * Claim-level fact checking and cross-verification. {@link io.hallmark.governance.factcheck.FactChecker} runs the
 * pipeline: {@link io.hallmark.governance.factcheck.ClaimExtractor} finds atomic claims with their spans, an
 * {@link io.hallmark.governance.factcheck.EvidenceSource} retrieves passages, every
 * {@link io.hallmark.governance.factcheck.Verifier} votes (semantic verifiers on two embedding models, the
 * consistency verifier, optionally an LLM judge; see {@code verify}), and a
 * {@link io.hallmark.governance.factcheck.VoteCombiner} (the weighted vote or the trained verdict model in
 * {@code train}) decides; {@link io.hallmark.governance.factcheck.Agreement} measures Fleiss' kappa.
 * {@link io.hallmark.governance.factcheck.FactCheckAssessor} joins it to the governance stage; {@code eval} scores
 * it on Climate-FEVER and HaluEval-QA.
 */
package io.hallmark.governance.factcheck;
