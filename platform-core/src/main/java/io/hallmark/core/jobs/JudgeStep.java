package io.hallmark.core.jobs;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.pipeline.StepKind;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.governance.pii.PiiDetector;
import io.hallmark.governance.pii.PiiRedactor;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.JudgedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The judge: the policy in force decides on the checker's scores. A REVISE decision with rounds left (the
 * pipeline's {@code revise.maxRounds}, or the request's {@code maxRevisions}) leaves {@code action: REVISE} and the
 * plain-language reasons for the reviser; any other decision (or REVISE with no rounds left, which becomes
 * NEEDS_REVIEW) is final: the governance report is written and the content item takes its status.
 */
final class JudgeStep implements PipelineStep {

    /** How many times a REVISE decision may send a draft back when neither pipeline nor request say. */
    static final int DEFAULT_MAX_REVISIONS = 2;

    private final Database db;
    private final PolicyService policies;
    private final PolicyEngine engine = new PolicyEngine();
    private final PiiRedactor redactor = new PiiRedactor(new PiiDetector());

    JudgeStep(Database db, PolicyService policies) {
        this.db = db;
        this.policies = policies;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        Instant started = Instant.now();
        Map<String, Object> state = run.state();
        Map<String, Double> scores = new HashMap<>();
        ((Map<String, Object>) state.getOrDefault("scores", Map.of()))
                .forEach((k, v) -> scores.put(k, ((Number) v).doubleValue()));
        Policy policy = policies.inForce(run.modality(), run.channel()).orElseThrow(() -> new GenerationFailedException(
                "No active policy covers " + run.modality() + " on channel '" + run.channel()
                        + "'; refusing to keep unchecked content"));
        Map<String, String> unavailable = new TreeMap<>();
        if (state.get("unavailable") instanceof Map<?, ?> u) {
            u.forEach((k, v) -> unavailable.put(String.valueOf(k), String.valueOf(v)));
        }
        Set<String> notApplicable = new TreeSet<>();
        if (state.get("notApplicable") instanceof List<?> na) {
            na.forEach(m -> notApplicable.add(String.valueOf(m)));
        }
        // fail closed: a check that could not run, or a rule on an unknown metric, never approves
        io.hallmark.governance.policy.Decision decision = engine.decide(policy, run.contentType(), scores, unavailable,
                notApplicable, GovernanceStage.CONTENT_FLOOR);
        Map<String, Object> judgedBy = JudgedBy.fromMap(state.get("judgedBy") instanceof Map<?, ?> j ? j : null)
                .toBuilder().policy(policy.name(), policy.sha256()).build().toMap();
        Map<String, Object> decisionMap = decisionMap(decision, policy);
        if (decision.action() == Action.REVISE && run.round() <= maxRounds(run)) {
            state.put("action", "REVISE");
            state.put("fired", decision.firedRules());
            state.put("reasons", reasons(state));
            run.context().event("decision", decisionMap);
            run.agent("judge", Map.of("scores", scores), Map.of("action", "REVISE", "fired", decision.firedRules()),
                    started);
            return null;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scores", scores);
        report.put("rounds", run.round());
        report.put("findings", state.getOrDefault("findings", Map.of()));
        report.put("decision", decisionMap);
        report.put("pipeline", run.pipeline().name());
        report.put("contentType", decision.contentType().id());
        if (!unavailable.isEmpty()) {
            report.put("unavailable", unavailable);
        }
        report.put("notApplicable", List.copyOf(notApplicable));
        report.put("judgedBy", judgedBy);
        if (state.get("sections") instanceof List<?> sections) {
            report.put("sections", sections.stream().map(s -> {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) s);
                copy.remove("text");
                return copy;
            }).toList());
        }
        if (state.get("crossCheck") != null) {
            report.put("crossCheck", state.get("crossCheck"));
        }
        UUID policyId = policies.list().stream().filter(p -> p.sha256().equals(policy.sha256()))
                .findFirst().map(PolicyService.StoredPolicy::id).orElse(null);
        UUID itemId = run.job().contentItemId();
        db.useTransaction(s -> {
            // one report per item: a resumed job replaces what a crashed attempt may have left
            s.createMutationQuery("delete from GovernanceReport where contentItemId = :id")
                    .setParameter("id", itemId).executeUpdate();
            GovernanceReport r = new GovernanceReport(itemId, report);
            Double factuality = scores.get("factuality");
            r.setFactualityScore(factuality == null ? null : Math.max(0, Math.min(1, factuality)));
            r.decide(Decision.valueOf(decision.action().name()), policyId, policy.sha256());
            r.setContentType(decision.contentType().id());
            s.persist(r);
            ContentItem item = s.find(ContentItem.class, itemId);
            item.setJudgedBy(judgedBy);
            if (decision.action() == Action.REDACT && item.textBody() != null) {
                item.setTextBody(redactor.redact(item.textBody()).text());
            }
            item.setStatus(switch (decision.action()) {
                case APPROVE, REDACT -> ContentStatus.APPROVED;
                case REJECT -> ContentStatus.REJECTED;
                case NEEDS_REVIEW, REVISE -> ContentStatus.NEEDS_REVIEW;
            });
        });
        String action = decision.action() == Action.REVISE ? "NEEDS_REVIEW" : decision.action().name();
        state.put("action", action);
        state.put("rule", decisionMap.get("rule"));
        state.put("judgedBy", judgedBy);
        run.context().event("decision", decisionMap);
        run.agent("judge", Map.of("scores", scores), Map.of("action", action, "rule", decisionMap.get("rule")), started);
        return null;
    }

    /** A decision as reports and events show it, with the deciding rule's comparisons and the scores they saw. */
    static Map<String, Object> decisionMap(io.hallmark.governance.policy.Decision decision, Policy policy) {
        Map<String, Object> decisionMap = new LinkedHashMap<>();
        decisionMap.put("action", decision.action().name());
        decisionMap.put("rule", decision.decidingRule() == null ? "(default)" : decision.decidingRule());
        decisionMap.put("fired", decision.firedRules());
        decisionMap.put("decidedBy", io.hallmark.governance.policy.DecidingComparison.of(policy, decision).stream()
                .map(io.hallmark.governance.policy.DecidingComparison::toMap).toList());
        decisionMap.put("inputs", decision.inputs());
        decisionMap.put("policy", decision.policyName());
        decisionMap.put("policySha256", decision.policySha256());
        decisionMap.put("contentType", decision.contentType().id());
        if (!decision.unavailable().isEmpty()) {
            decisionMap.put("unavailable", decision.unavailable());
        }
        if (!decision.unknownMetrics().isEmpty()) {
            decisionMap.put("unknownMetrics", decision.unknownMetrics());
        }
        if (decision.raisedByFloor()) {
            decisionMap.put("policyAction", decision.policyAction().name());
        }
        return decisionMap;
    }

    private static int maxRounds(PipelineRun run) {
        var revise = run.pipeline().first(StepKind.REVISE);
        if (revise.isEmpty()) {
            return 0;
        }
        return run.job().request().get("maxRevisions") instanceof Number n ? n.intValue()
                : revise.get().intSetting("maxRounds", DEFAULT_MAX_REVISIONS);
    }

    /** Plain-language reasons from the findings: failed plugin checks and refuted claims, when present. */
    static List<String> reasons(Map<String, Object> state) {
        List<String> reasons = new ArrayList<>();
        Object findings = state.get("findings");
        if (findings instanceof Map<?, ?> all) {
            if (all.get("plugin-checks") instanceof List<?> checks) {
                for (Object c : checks) {
                    if (c instanceof Map<?, ?> m && "FAIL".equals(m.get("outcome"))) {
                        reasons.add(m.get("check") + ": " + m.get("explanation"));
                    }
                }
            }
            all.forEach((assessor, details) -> {
                if (details instanceof Map<?, ?> d && d.get("claims") instanceof List<?> claims) {
                    for (Object claim : claims) {
                        if (claim instanceof Map<?, ?> cm && "REFUTED".equals(cm.get("verdict"))) {
                            reasons.add("refuted claim: " + cm.get("text")
                                    + (cm.get("evidence") instanceof List<?> ev && !ev.isEmpty()
                                            ? " (evidence: " + ev.getFirst() + ")" : ""));
                        }
                    }
                }
            });
        }
        return reasons;
    }
}
