package io.hallmark.core.jobs;

import io.hallmark.api.Modality;
import io.hallmark.governance.pii.PiiRedactor;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.Decision;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first step of a generation job: the prompt screens of the governance stage (injection, jailbreak and
 * harmful-request detection, personal data; {@link GovernanceStage#promptScreens()}) run on the prompt alone, and
 * the policy in force decides on their scores before any generator is called. REJECT and NEEDS_REVIEW (and REVISE,
 * since a prompt cannot be revised by its generator) stop the job there; REDACT hands the generator the prompt
 * with its personal data replaced; APPROVE passes the prompt through unchanged. Rules on metrics the screens do
 * not produce (factuality, toxicity of the output, ...) do not fire here: their scores are unknown until the
 * output exists.
 */
public final class InputScreen {

    /**
     * What the screen decided about one prompt.
     *
     * @param decision the policy's decision on the screens' scores
     * @param prompt the prompt the generator may see (redacted under REDACT)
     * @param findings the screens' findings, by assessor
     */
    public record Outcome(Decision decision, String prompt, Map<String, Object> findings) {

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

    /** Screens a prompt under a policy. */
    public Outcome screen(Modality modality, String prompt, Policy policy) {
        Assessment assessment = screens.assess(new AssessmentInput(modality, prompt, null, null, "text/plain", Map.of()));
        Decision decision = engine.decide(policy, assessment.scores());
        String passed = decision.action() == Action.REDACT ? redactor.redact(prompt).text() : prompt;
        return new Outcome(decision, passed, assessment.findings());
    }
}
