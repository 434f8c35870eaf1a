package io.hallmark.governance.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.Modality;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.ModelUnavailableException;
import io.hallmark.governance.bias.BiasAssessor;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.EvidenceSource;
import io.hallmark.governance.factcheck.FactCheckAssessor;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.factcheck.WeightedVote;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.Decision;
import io.hallmark.governance.policy.DefaultPolicy;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.policy.PolicyParser;
import io.hallmark.governance.safety.SafetyAssessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fail-closed matrix at the stage and policy level: each check of the standard stage fails in turn (it throws,
 * hangs past its deadline, its model is missing or reported unavailable, the knowledge base is missing, the embedding
 * engine is down), and then all together, under policies whose default is APPROVE; no item is ever approved, and
 * the decision names the check that could not run and why. Ordinary content whose checks all ran (text without
 * factual claims, code, an image prompt) is still approved: "nothing to check" is not "not checked".
 */
class FailClosedTest {

    private static final Duration DEADLINE = Duration.ofMillis(300);
    private static final String PROMPT = "Write two friendly sentences about our bakery.";
    private static final String TEXT = "Our bakery opened in 1998 in Lisbon. Paris is the capital of France.";

    @TempDir
    Path dir;

    private final PolicyEngine engine = new PolicyEngine();

    private static Policy approveEverything() {
        return new PolicyParser().parse("name: lenient\ndefault: APPROVE\nrules: []\n");
    }

    private static List<Policy> policies() {
        return List.of(DefaultPolicy.load(), approveEverything());
    }

    /** The standard checks, healthy: personal data and code for real, the model-backed ones scoring benign values. */
    private List<Assessor> healthy(GovernanceModels models) {
        List<Assessor> all = new ArrayList<>();
        all.add(new PiiAssessor());
        all.add(new CodeFindingsAssessor());
        all.add(new Benign(new SafetyAssessor(models)));
        all.add(new Benign(new BiasAssessor(models)));
        all.add(new FactCheckAssessor(() -> Optional.of(factChecker(workingEvidence())), "kb"));
        return all;
    }

    /** Ways a check can fail, each replacing the healthy check of that name. */
    private Map<String, Function<Assessor, Assessor>> failures(GovernanceModels untrained) {
        Map<String, Function<Assessor, Assessor>> f = new java.util.LinkedHashMap<>();
        f.put("throws", a -> new Failing(a, () -> {
            throw new IllegalStateException("boom in " + a.name());
        }));
        f.put("hangs", a -> new Failing(a, () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        f.put("model unavailable", a -> new Failing(a, () -> {
            throw new ModelUnavailableException(a.name(), "still training (42%)");
        }));
        f.put("model missing", a -> switch (a.name()) {
            case "safety" -> new SafetyAssessor(untrained);
            case "bias" -> new BiasAssessor(untrained);
            default -> new Failing(a, () -> {
                throw new ModelUnavailableException(a.name(), "model file missing");
            });
        });
        f.put("knowledge base missing", a -> a.name().equals("factcheck")
                ? new FactCheckAssessor(Optional::empty, "kb") : a);
        f.put("embedding engine down", a -> a.name().equals("factcheck")
                ? new FactCheckAssessor(() -> Optional.of(factChecker((claim, k) -> {
                    throw new IllegalStateException("ONNX Runtime session is closed");
                })), "kb") : a);
        return f;
    }

    @Test
    void eachCheckFailingAloneInEachWayNeverApproves() {
        try (GovernanceModels untrained = new GovernanceModels(dir, Optional::empty)) {
            int cases = 0;
            for (var failure : failures(untrained).entrySet()) {
                for (int i = 0; i < healthy(untrained).size(); i++) {
                    List<Assessor> assessors = healthy(untrained);
                    Assessor replaced = failure.getValue().apply(assessors.get(i));
                    if (replaced == assessors.get(i)) {
                        continue; // this way of failing does not concern this check
                    }
                    assessors.set(i, replaced);
                    String name = replaced.name();
                    Assessment a = new GovernanceStage(assessors, DEADLINE).assess(new AssessmentInput(Modality.TEXT,
                            PROMPT, TEXT, null, "text/plain", Map.of()));
                    assertThat(a.unavailable()).as("%s %s", name, failure.getKey()).containsOnlyKeys(name);
                    assertThat(a.scores()).containsEntry("checks.unavailable", 1.0);
                    for (Policy policy : policies()) {
                        Decision d = engine.decide(policy, a.scores(), a.unavailable(), a.notApplicable(),
                                Action.NEEDS_REVIEW);
                        assertThat(d.action()).as("%s %s under %s", name, failure.getKey(), policy.name())
                                .isIn(Action.NEEDS_REVIEW, Action.REJECT);
                        assertThat(d.unavailable()).containsKey(name);
                    }
                    cases++;
                }
            }
            // 5 checks x 3 generic ways, safety and bias models missing, knowledge base missing, engine down
            assertThat(cases).isEqualTo(5 * 3 + 5 + 1 + 1);
        }
    }

    @Test
    void theReasonSaysWhyAndAHangIsCutAtTheDeadline() {
        try (GovernanceModels untrained = new GovernanceModels(dir, Optional::empty)) {
            List<Assessor> assessors = healthy(untrained);
            assessors.set(2, new SafetyAssessor(untrained));
            assessors.set(3, failures(untrained).get("hangs").apply(assessors.get(3)));
            assessors.set(4, new FactCheckAssessor(Optional::empty, "kb"));
            long start = System.nanoTime();
            Assessment a = new GovernanceStage(assessors, DEADLINE).assess(new AssessmentInput(Modality.TEXT, PROMPT,
                    TEXT, null, "text/plain", Map.of()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(a.unavailable().get("safety")).contains("not trained");
            assertThat(a.unavailable().get("bias")).contains("did not finish within");
            assertThat(a.unavailable().get("factcheck")).contains("knowledge base 'kb'").contains("does not exist");
            assertThat(a.unknownMetrics()).contains("safety.toxicity", "bias.max", "factuality", "claims.refuted");
            assertThat(a.scores()).as("nothing a failed check wrote is kept").doesNotContainKeys("safety.toxicity",
                    "bias.max", "factuality");
            assertThat(a.findings().get("safety")).isEqualTo(Map.of("unavailable", a.unavailable().get("safety")));
            Decision d = engine.decide(DefaultPolicy.load(), a.scores(), a.unavailable(), a.notApplicable(),
                    Action.NEEDS_REVIEW);
            assertThat(d.action()).isEqualTo(Action.NEEDS_REVIEW);
            assertThat(d.decidingRule()).isEqualTo(Decision.FAIL_CLOSED);
            assertThat(d.policyAction()).as("the policy alone would have approved").isEqualTo(Action.APPROVE);
            assertThat(d.unknownMetrics()).contains("safety.toxicity", "bias.max", "factuality");
        }
    }

    @Test
    void everyCheckFailingTogetherNeverApprovesAndInputScreensReject() {
        try (GovernanceModels untrained = new GovernanceModels(dir, Optional::empty)) {
            List<Assessor> assessors = new ArrayList<>();
            for (Assessor a : healthy(untrained)) {
                assessors.add(failures(untrained).get("throws").apply(a));
            }
            GovernanceStage stage = new GovernanceStage(assessors, DEADLINE);
            Assessment a = stage.assess(new AssessmentInput(Modality.TEXT, PROMPT, TEXT, null, "text/plain",
                    Map.of()));
            assertThat(a.unavailable()).containsOnlyKeys("pii", "code", "safety", "bias", "factcheck");
            for (Policy policy : policies()) {
                assertThat(engine.decide(policy, a.scores(), a.unavailable(), a.notApplicable(), Action.NEEDS_REVIEW)
                        .action()).isEqualTo(Action.NEEDS_REVIEW);
            }
            Assessment screened = stage.promptScreens().assess(new AssessmentInput(Modality.TEXT, PROMPT, null, null,
                    "text/plain", Map.of()));
            assertThat(screened.unavailable()).containsOnlyKeys("pii", "safety");
            assertThat(engine.decide(DefaultPolicy.load(), screened.scores(), screened.unavailable(),
                    screened.notApplicable(), Action.REJECT).action()).isEqualTo(Action.REJECT);
        }
    }

    @Test
    void aPolicyMayBeStricterThanTheFloorNeverLooser() {
        Policy strict = new PolicyParser().parse("""
                name: strict
                default: APPROVE
                rules:
                  - id: no-unchecked
                    when: { metric: checks.unavailable, op: ">=", value: 1 }
                    action: REJECT
                """);
        Map<String, Double> scores = Map.of("checks.unavailable", 1.0, "checks.failed", 0.0);
        Decision d = engine.decide(strict, scores, Map.of("safety", "not trained"), Set.of(), Action.NEEDS_REVIEW);
        assertThat(d.action()).isEqualTo(Action.REJECT);
        assertThat(d.decidingRule()).isEqualTo("no-unchecked");
        assertThat(d.raisedByFloor()).isFalse();
    }

    @Test
    void aRuleOnAMetricNoCheckProducesIsUnknownAndNeverApproves() {
        Policy policy = new PolicyParser().parse("""
                name: needs-selfcheck
                default: APPROVE
                rules:
                  - id: unstable
                    when: { metric: selfcheck.instability, op: ">", value: 0.5 }
                    action: REJECT
                """);
        try (GovernanceModels untrained = new GovernanceModels(dir, Optional::empty)) {
            Assessment a = new GovernanceStage(healthy(untrained), DEADLINE).assess(new AssessmentInput(Modality.TEXT,
                    PROMPT, TEXT, null, "text/plain", Map.of()));
            assertThat(a.unavailable()).isEmpty();
            Decision d = engine.decide(policy, a.scores(), a.unavailable(), a.notApplicable(), Action.NEEDS_REVIEW);
            assertThat(d.unknownMetrics()).containsExactly("selfcheck.instability");
            assertThat(d.action()).isEqualTo(Action.NEEDS_REVIEW);
            assertThat(d.decidingRule()).isEqualTo(Decision.FAIL_CLOSED);
        }
    }

    @Test
    void contentWithNothingToCheckIsStillApproved() {
        try (GovernanceModels untrained = new GovernanceModels(dir, Optional::empty)) {
            GovernanceStage stage = new GovernanceStage(healthy(untrained), DEADLINE);
            // a greeting has no checkable claims: claim counts are 0, factuality and agreement do not apply
            Assessment greeting = stage.assess(new AssessmentInput(Modality.TEXT, PROMPT, "Hello there!", null,
                    "text/plain", Map.of()));
            assertThat(greeting.scores()).containsEntry("claims.total", 0.0).doesNotContainKey("factuality");
            assertThat(greeting.notApplicable()).contains("factuality", "verifiers.disagreement",
                    "code.findings.high");
            // code: no fact check at all, code findings scored
            Assessment code = stage.assess(new AssessmentInput(Modality.CODE, "Add two ints", "int add(int a, int b) "
                    + "{ return a + b; }", null, "text/x-java", Map.of("findings", List.of())));
            assertThat(code.notApplicable()).contains("factuality", "claims.refuted");
            assertThat(code.scores()).containsKey("code.findings.high");
            // an image without caption: its prompt is screened; toxicity of an output and fact checks do not apply
            Assessment image = stage.assess(new AssessmentInput(Modality.IMAGE, "A lighthouse at dusk", null,
                    new byte[] {1, 2, 3}, "image/png", Map.of()));
            for (Assessment a : List.of(greeting, code, image)) {
                assertThat(a.unavailable()).isEmpty();
                Decision d = engine.decide(DefaultPolicy.load(), a.scores(), a.unavailable(), a.notApplicable(),
                        Action.NEEDS_REVIEW);
                assertThat(d.unknownMetrics()).isEmpty();
                assertThat(d.action()).isEqualTo(Action.APPROVE);
            }
        }
    }

    private static EvidenceSource workingEvidence() {
        return (claim, k) -> List.of(new io.hallmark.governance.factcheck.Evidence("e1", "doc", "Doc",
                claim.text(), 1.0));
    }

    private static FactChecker factChecker(EvidenceSource evidence) {
        Verifier agrees = new Verifier() {
            @Override
            public String name() {
                return "same-text";
            }

            @Override
            public Vote verify(io.hallmark.governance.factcheck.Claim claim,
                    List<io.hallmark.governance.factcheck.Evidence> found) {
                boolean same = found.stream().anyMatch(e -> e.text().equals(claim.text()));
                return new Vote(name(), same ? Verdict.SUPPORTED : Verdict.NOT_ENOUGH_INFO, 1.0, "exact match",
                        found.isEmpty() ? null : found.getFirst().id(), Map.of());
            }
        };
        return new FactChecker(new ClaimExtractor(), evidence, List.of(agrees), WeightedVote.equal(), 3);
    }

    /** A check with the name, metrics and prompt screening of a real one that scores benign values for its metrics. */
    private record Benign(Assessor real) implements Assessor {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public void assess(AssessmentInput input, Assessment out) {
            real.metrics().forEach(m -> out.score(m, 0.0));
        }

        @Override
        public Set<String> metrics() {
            return real.metrics();
        }

        @Override
        public boolean screensPrompt() {
            return real.screensPrompt();
        }
    }

    /** A real check's name, metrics and screening, failing as told (after writing a score that must not be kept). */
    private record Failing(Assessor real, Runnable failure) implements Assessor {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public void assess(AssessmentInput input, Assessment out) {
            real.metrics().forEach(m -> out.score(m, 0.0));
            failure.run();
        }

        @Override
        public Set<String> metrics() {
            return real.metrics();
        }

        @Override
        public boolean screensPrompt() {
            return real.screensPrompt();
        }
    }
}
