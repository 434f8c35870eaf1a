package io.hallmark.core.jobs;

import io.hallmark.api.Modality;
import io.hallmark.governance.pii.PiiRedactor;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.Decision;
import io.hallmark.governance.policy.Metrics;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.JudgedBy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The first step of a generation job: the prompt screens of the governance stage (injection, jailbreak and
 * harmful-request detection, personal data; {@link GovernanceStage#promptScreens()}) run on the prompt alone, and
 * the policy in force decides on their scores before any generator is called. REJECT and NEEDS_REVIEW (and REVISE,
 * since a prompt cannot be revised by its generator) stop the job there; REDACT hands the generator the prompt
 * with its personal data replaced; APPROVE passes the prompt through unchanged. Rules on metrics the screens do
 * not produce (factuality, toxicity of the output, ...) do not fire here: they are judged once the output exists.
 * The screens fail closed: when one could not run (its model is training or missing, it threw or timed out), the
 * prompt is rejected, or sent to review when {@code governance-screen-unavailable=review}
 * ({@link GovernanceStage#screenFloor()}), whatever the policy says.
 */
public final class InputScreen {

    /**
     * What the screen decided about one prompt.
     *
     * @param decision the policy's decision on the screens' scores
     * @param prompt the prompt the generator may see (redacted under REDACT)
     * @param findings the screens' findings, by assessor
     * @param judgedBy the models that screened it and the policy that decided
     */
    public record Outcome(Decision decision, String prompt, Map<String, Object> findings, JudgedBy judgedBy) {

        /** Whether the job ends here, before generation. */
        public boolean blocked() {
            return blocks(decision.action());
        }

        /** The step state a pipeline records for this outcome. */
        public Map<String, Object> state() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("action", decision.action().name());
            state.put("rule", decision.decidingRule() == null ? "(default)" : decision.decidingRule());
            state.put("fired", decision.firedRules());
            state.put("scores", decision.inputs());
            state.put("prompt", prompt);
            if (!decision.unavailable().isEmpty()) {
                state.put("unavailable", decision.unavailable());
            }
            if (!decision.unknownMetrics().isEmpty()) {
                state.put("unknownMetrics", decision.unknownMetrics());
            }
            return state;
        }
    }

    private final GovernanceStage screens;
    private final PolicyEngine engine = new PolicyEngine();
    private final PiiRedactor redactor;

    /**
     * @param screens the prompt screens (usually {@code stage.promptScreens()} of the job's governance stage)
     * @param redactor what REDACT applies to the prompt
     */
    public InputScreen(GovernanceStage screens, PiiRedactor redactor) {
        this.screens = screens;
        this.redactor = redactor;
    }

    /** Whether an action on the prompt stops the job before generation. */
    public static boolean blocks(Action action) {
        return switch (action) {
            case REJECT, NEEDS_REVIEW, REVISE -> true;
            case APPROVE, REDACT -> false;
        };
    }

    /** Screens a prompt under a policy, as {@code general} content. */
    public Outcome screen(Modality modality, String prompt, Policy policy) {
        return screen(modality, prompt, policy, io.hallmark.governance.policy.ContentType.GENERAL);
    }

    /** Screens a prompt under a policy; only the rules for the request's content type apply. */
    public Outcome screen(Modality modality, String prompt, Policy policy,
            io.hallmark.governance.policy.ContentType contentType) {
        return screen(modality, prompt, java.util.List.of(), policy, contentType);
    }

    /**
     * Screens a prompt and the untrusted documents sent with it under a policy: the injection screen reads the
     * prompt and every document, the jailbreak and harmful-request screens the prompt alone. The outcome's prompt
     * is the instruction (redacted under REDACT), without the documents.
     */
    public Outcome screen(Modality modality, String prompt, java.util.List<io.hallmark.api.InputDocument> documents,
            Policy policy, io.hallmark.governance.policy.ContentType contentType) {
        Assessment assessment = screens.assess(new AssessmentInput(modality, prompt, null, null, "text/plain", Map.of(),
                documents));
        // what only the output's checks produce is judged after generation, not unknown here
        Set<String> later = new HashSet<>(assessment.notApplicable());
        Set<String> screened = screens.providedMetrics();
        Metrics.known(false).keySet().stream().filter(m -> !screened.contains(m) && !m.startsWith("checks."))
                .forEach(later::add);
        Decision decision = engine.decide(policy, contentType, assessment.scores(), assessment.unavailable(), later,
                screens.screenFloor());
        String passed = decision.action() == Action.REDACT ? redactor.redact(prompt).text() : prompt;
        JudgedBy judgedBy = assessment.judgedByBuilder().policy(policy.name(), policy.sha256()).build();
        return new Outcome(decision, passed, assessment.findings(), judgedBy);
    }
}
