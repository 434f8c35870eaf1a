package io.hallmark.governance.factcheck;

import io.hallmark.api.Modality;
import io.hallmark.governance.ModelUnavailableException;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fact checking as part of the governance stage: checks the claims of generated text against the knowledge base
 * and scores {@code factuality}, {@code claims.total}, {@code claims.refuted}, {@code claims.unverified} and
 * {@code verifiers.disagreement}; the findings hold every claim with its span, verdict, votes and evidence. Text
 * without checkable claims is "nothing to check": the claim counts are 0 and {@code factuality} and
 * {@code verifiers.disagreement} do not apply. When the knowledge base does not exist the check is unavailable
 * ({@link ModelUnavailableException}), and the stage fails closed.
 */
public final class FactCheckAssessor implements Assessor {

    private final Supplier<Optional<FactChecker>> checker;
    private final String knowledgeBase;

    /**
     * @param checker the fact checker over the knowledge base, or empty while that knowledge base does not exist
     * @param knowledgeBase the knowledge base's name, for the report
     */
    public FactCheckAssessor(Supplier<Optional<FactChecker>> checker, String knowledgeBase) {
        this.checker = checker;
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public String name() {
        return "factcheck";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        if (input.text() == null || input.text().isBlank() || input.modality() != Modality.TEXT) {
            return;
        }
        Optional<FactChecker> fc = checker.get();
        if (fc.isEmpty()) {
            throw new ModelUnavailableException("knowledge base '" + knowledgeBase + "'", "it does not exist yet; "
                    + "ingest documents into it (hallmark kb ingest --kb " + knowledgeBase + ") to fact-check content, "
                    + "or point factcheck-kb at an existing one");
        }
        // the knowledge base's version before and after the check bound the versions its searches read: one version
        // when no change was applied meanwhile (the usual case), else the range "before..after"
        Optional<String> before = fc.get().evidence().snapshot();
        FactCheckReport report = fc.get().check(input.text());
        Optional<String> after = fc.get().evidence().snapshot();
        Optional<String> version = after.map(a -> before.isEmpty() || before.get().equals(a) ? a
                : before.get() + ".." + a);
        version.ifPresent(snapshot -> out.judgedByBuilder().knowledgeBase(knowledgeBase, snapshot));
        for (Verifier verifier : fc.get().verifiers()) {
            verifier.models().forEach(out::usedModel);
        }
        fc.get().combiner().sha256().ifPresent(sha -> out.usedModel("factcheck:combiner:" + fc.get().combiner().name(),
                sha));
        out.score("claims.total", report.claims().size())
                .score("claims.refuted", report.refuted())
                .score("claims.unverified", report.unverified());
        if (report.claims().isEmpty()) {
            // nothing to check: not a failure, and no factuality or agreement to speak of
            out.notApplicable("factuality").notApplicable("verifiers.disagreement");
        } else {
            out.score("factuality", report.factuality()).score("verifiers.disagreement", report.disagreement());
        }
        Map<String, Object> findings = describe(report, knowledgeBase);
        version.ifPresent(v -> findings.put("knowledgeBaseVersion", v)); // the evidence was read from this version
        out.findings(name(), findings);
    }

    @Override
    public java.util.Set<String> metrics() {
        return METRICS;
    }

    /** Deterministic unless a verifier is not (an LLM judge, a plugin verifier). */
    @Override
    public boolean deterministic() {
        return checker.get().map(fc -> fc.verifiers().stream().allMatch(Verifier::deterministic)).orElse(true);
    }

    private static final java.util.Set<String> METRICS = java.util.Set.of("factuality", "claims.total",
            "claims.refuted", "claims.unverified", "verifiers.disagreement");

    /** The report as JSON-ready maps (stored as JSONB with the content). */
    public static Map<String, Object> describe(FactCheckReport report, String knowledgeBase) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("knowledgeBase", knowledgeBase);
        m.put("factuality", report.factuality());
        m.put("kappa", report.kappa());
        m.put("disagreement", report.disagreement());
        m.put("millis", report.millis());
        m.put("phaseMillis", report.phaseMillis());
        m.put("claims", report.claims().stream().map(FactCheckAssessor::describe).toList());
        return m;
    }

    private static Map<String, Object> describe(ClaimCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", c.claim().text());
        m.put("start", c.claim().start());
        m.put("end", c.claim().end());
        m.put("verdict", c.verdict().name());
        m.put("confidence", c.confidence());
        m.put("combiner", c.combiner());
        m.put("votes", c.votes().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("verifier", v.verifier());
            vm.put("verdict", v.verdict().name());
            vm.put("confidence", v.confidence());
            vm.put("rationale", v.rationale());
            vm.put("evidenceId", v.evidenceId());
            vm.put("signals", v.signals());
            return vm;
        }).toList());
        List<Map<String, Object>> evidence = c.evidence().stream().map(e -> {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("id", e.id());
            em.put("sourceId", e.sourceId());
            em.put("title", e.title());
            em.put("text", e.text());
            em.put("score", e.score());
            return em;
        }).toList();
        m.put("evidence", evidence);
        return m;
    }
}
