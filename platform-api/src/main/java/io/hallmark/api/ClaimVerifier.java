package io.hallmark.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A third-party fact-check verifier (an NLI or MiniCheck-style model): a {@link GovernanceCheck} that judges one
 * claim against the evidence the fact checker retrieved for it. Its vote joins the built-in verifiers' votes in
 * the cross-verification (the combined verdict and the agreement between verifiers), under the name
 * {@code plugin:<plugin id>/<name()>}. Annotate the implementation with {@code @org.pf4j.Extension}.
 *
 * <p>Implement {@link #verify}; the host calls it through {@link #check} with a {@link CheckInput} of media type
 * {@link #MEDIA_TYPE} (the claim as text, the passages under {@code metadata.evidence}), under the same timeouts
 * and circuit breaker as every plugin check. By default a claim verifier does not also run as a separate check on
 * whole texts ({@link #appliesTo} is false); override {@code appliesTo} and {@code check} to do both.
 */
public interface ClaimVerifier extends GovernanceCheck {

    /** The media type of the check input the fact checker sends. */
    String MEDIA_TYPE = "application/vnd.hallmark.claim";

    /** A verifier's verdict on a claim. */
    enum Verdict { SUPPORTED, REFUTED, NOT_ENOUGH_INFO }

    /**
     * One evidence passage.
     *
     * @param id the chunk id in the knowledge base
     * @param text the passage
     * @param score the retrieval score
     */
    record Passage(String id, String text, double score) {}

    /**
     * The vote on one claim.
     *
     * @param verdict the verdict
     * @param confidence how sure, 0..1
     * @param rationale one sentence a reviewer can read
     * @param evidenceId the passage the verdict rests on, or empty
     */
    record Vote(Verdict verdict, double confidence, String rationale, String evidenceId) {
        public Vote {
            if (verdict == null) {
                throw new IllegalArgumentException("A claim vote needs a verdict");
            }
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
            }
            rationale = rationale == null ? "" : rationale;
            evidenceId = evidenceId == null ? "" : evidenceId;
        }
    }

    /** Judges the claim against the passages (best first); must be thread-safe. */
    Vote verify(String claim, List<Passage> evidence, PluginContext context);

    @Override
    default boolean appliesTo(Modality modality) {
        return false;
    }

    /** Decodes a claim input ({@link #input}), calls {@link #verify} and encodes its vote in the details. */
    @Override
    default CheckResult check(CheckInput input, PluginContext context) {
        if (!MEDIA_TYPE.equals(input.mediaType()) || input.text() == null) {
            return new CheckResult(name(), CheckOutcome.UNDECIDED, 0, "A claim verifier judges claims for the fact "
                    + "checker, not whole content", List.of(), Map.of());
        }
        List<Passage> passages = new ArrayList<>();
        if (input.metadata().get("evidence") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    passages.add(new Passage(String.valueOf(m.get("id")), String.valueOf(m.get("text")),
                            m.get("score") instanceof Number n ? n.doubleValue() : 0));
                }
            }
        }
        Vote vote = verify(input.text(), passages, context);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verdict", vote.verdict().name());
        details.put("confidence", vote.confidence());
        details.put("evidenceId", vote.evidenceId());
        return new CheckResult(name(), switch (vote.verdict()) {
            case SUPPORTED -> CheckOutcome.PASS;
            case REFUTED -> CheckOutcome.FAIL;
            case NOT_ENOUGH_INFO -> CheckOutcome.UNDECIDED;
        }, vote.verdict() == Verdict.REFUTED ? vote.confidence() : 0, vote.rationale(), List.of(), details);
    }

    /** The check input the fact checker sends for one claim. */
    static CheckInput input(String claim, List<Passage> evidence) {
        List<Map<String, Object>> passages = evidence.stream().map(p -> Map.<String, Object>of("id", p.id(), "text",
                p.text(), "score", p.score())).toList();
        return new CheckInput(Modality.TEXT, "", claim, null, MEDIA_TYPE, Map.of("evidence", passages));
    }
}
