package io.hallmark.core.policy;

import io.hallmark.api.Modality;
import io.hallmark.governance.policy.Decision;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole governance stage (fact checking, personal data, safety, bias, code findings, plugin checks) and a
 * policy on given content without generating or storing anything: what {@code hallmark check} and
 * {@code POST /api/v1/checks} do. The policy is the one in force for the modality and channel unless a draft is
 * given.
 */
public final class ContentChecks {

    /** The most characters of text one check takes. */
    public static final int MAX_TEXT_CHARS = 200_000;

    private final GovernanceStage stage;
    private final PolicyService policies;

    public ContentChecks(GovernanceStage stage, PolicyService policies) {
        this.stage = stage;
        this.policies = policies;
    }

    /** What to check, and the content type it is judged as ({@code general} unless given). */
    public record Request(Modality modality, String channel, String prompt, String text,
            io.hallmark.governance.policy.ContentType contentType) {

        /** A check of {@code general} content. */
        public Request(Modality modality, String channel, String prompt, String text) {
            this(modality, channel, prompt, text, io.hallmark.governance.policy.ContentType.GENERAL);
        }

        public Request {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("The text to check is empty");
            }
            if (text.length() > MAX_TEXT_CHARS) {
                throw new IllegalArgumentException("The text to check has " + text.length() + " characters; the "
                        + "limit is " + MAX_TEXT_CHARS);
            }
            if (prompt.length() > io.hallmark.api.GenerationRequest.MAX_PROMPT_CHARS) {
                throw new IllegalArgumentException("The prompt has " + prompt.length() + " characters; the limit is "
                        + io.hallmark.api.GenerationRequest.MAX_PROMPT_CHARS);
            }
        }
    }

    /**
     * The outcome: the action, the rule that decided and every rule that fired, the policy (name and version hash),
     * every score the decision was made on, each assessor's findings, how long the stage took, the checks that
     * could not run ("not checked: why"), the metrics the policy names that are unknown, what the policy alone
     * decided (before the fail-closed floor), what judged it (model hashes, policy, knowledge-base snapshot), and the
     * deciding rule's comparisons with the scores they saw.
     */
    public record Result(String action, @Nullable String decidingRule, java.util.List<String> firedRules,
            String policy, String policySha256, Map<String, Double> scores, Map<String, Object> findings,
            double millis, Map<String, String> unavailable, java.util.List<String> unknownMetrics,
            String policyAction, Map<String, Object> judgedBy,
            java.util.List<io.hallmark.governance.policy.DecidingComparison> decidedBy) {}

    /**
     * Checks content against the policy in force for its modality and channel, or against {@code draftPolicy}
     * (policy text, YAML or JSON) when given.
     *
     * @throws io.hallmark.core.NotFoundException when no active policy covers the modality and channel
     */
    public Result check(Request request, @Nullable String draftPolicy) {
        Policy policy = draftPolicy != null ? policies.validate(draftPolicy)
                : policies.inForce(request.modality(), request.channel()).orElseThrow(() -> new io.hallmark.core.NotFoundException("policy",
                        request.modality() + "/" + request.channel(), "No active policy covers " + request.modality() + " on channel '" + request.channel()
                                + "'; activate one (hallmark policy apply FILE) or pass a policy with the check"));
        long start = System.nanoTime();
        Assessment assessment = stage.assess(new AssessmentInput(request.modality(), request.prompt(), request.text(),
                null, "text/plain", Map.of()));
        double millis = (System.nanoTime() - start) / 1e6;
        Decision decision = new PolicyEngine().decide(policy, request.contentType(), assessment.scores(),
                assessment.unavailable(), assessment.notApplicable(), GovernanceStage.CONTENT_FLOOR);
        return new Result(decision.action().name(), decision.decidingRule(), decision.firedRules(),
                decision.policyName(), decision.policySha256(), new TreeMap<>(assessment.scores()),
                assessment.findings(), Math.round(millis * 10) / 10.0, decision.unavailable(),
                decision.unknownMetrics(), decision.policyAction().name(),
                assessment.judgedByBuilder().policy(policy.name(), policy.sha256()).build().toMap(),
                io.hallmark.governance.policy.DecidingComparison.of(policy, decision));
    }
}
