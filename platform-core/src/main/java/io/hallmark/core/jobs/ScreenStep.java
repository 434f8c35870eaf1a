package io.hallmark.core.jobs;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.pipeline.StepKind;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.governance.pii.PiiDetector;
import io.hallmark.governance.pii.PiiRedactor;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.stage.GovernanceStage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The input screen as a pipeline step ({@link InputScreen}): the prompt screens and the policy in force decide on
 * the prompt before any generator sees it. A blocked prompt gets its governance report and final status here and
 * the flow goes straight to the publisher; REDACT hands the next steps the redacted prompt.
 */
final class ScreenStep implements PipelineStep {

    private final Database db;
    private final PolicyService policies;
    private final InputScreen screen;

    ScreenStep(Database db, GovernanceStage governance, PolicyService policies) {
        this.db = db;
        this.policies = policies;
        this.screen = new InputScreen(governance.promptScreens(), new PiiRedactor(new PiiDetector()));
    }

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        Instant started = Instant.now();
        run.context().event("step", Map.of("step", step.id(), "status", "started"));
        Policy policy = policies.inForce(run.modality(), run.channel()).orElseThrow(() -> new GenerationFailedException(
                "No active policy covers " + run.modality() + " on channel '" + run.channel()
                        + "'; refusing to keep unchecked content"));
        InputScreen.Outcome outcome = screen.screen(run.modality(), run.instruction(), run.documents(), policy,
                run.contentType());
        Map<String, Object> screened = outcome.state();
        run.context().event("screened", Map.of("action", screened.get("action"), "rule", screened.get("rule"),
                "scores", screened.get("scores")));
        run.agent("screen", Map.of("prompt", run.instruction()), Map.of("action", screened.get("action"),
                "rule", screened.get("rule")), started);
        if (!outcome.blocked()) {
            run.state().put("screenedPrompt", outcome.prompt());
            run.state().put("prompt", run.originalPrompt()); // the instruction, with any documents marked as data
            return null;
        }
        Map<String, Object> decisionMap = JudgeStep.decisionMap(outcome.decision(), policy);
        decisionMap.put("stage", "input");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scores", outcome.decision().inputs());
        report.put("rounds", 0);
        report.put("findings", outcome.findings());
        report.put("decision", decisionMap);
        if (!outcome.decision().unavailable().isEmpty()) {
            report.put("unavailable", outcome.decision().unavailable());
        }
        Map<String, Object> judgedBy = outcome.judgedBy().toMap();
        report.put("judgedBy", judgedBy);
        report.put("pipeline", run.pipeline().name());
        report.put("contentType", run.contentType().id());
        Action recorded = outcome.decision().action() == Action.REJECT ? Action.REJECT : Action.NEEDS_REVIEW;
        UUID policyId = policies.list().stream().filter(p -> p.sha256().equals(policy.sha256())).findFirst()
                .map(PolicyService.StoredPolicy::id).orElse(null);
        UUID itemId = run.job().contentItemId();
        db.useTransaction(s -> {
            s.createMutationQuery("delete from GovernanceReport where contentItemId = :id").setParameter("id", itemId)
                    .executeUpdate();
            GovernanceReport r = new GovernanceReport(itemId, report);
            r.decide(Decision.valueOf(recorded.name()), policyId, policy.sha256());
            r.setContentType(run.contentType().id());
            s.persist(r);
            ContentItem item = s.find(ContentItem.class, itemId);
            item.setStatus(recorded == Action.REJECT ? ContentStatus.REJECTED : ContentStatus.NEEDS_REVIEW);
            item.setJudgedBy(judgedBy);
        });
        run.context().event("decision", decisionMap);
        run.state().put("action", recorded.name());
        run.state().put("judgedBy", judgedBy);
        if (!outcome.decision().unavailable().isEmpty()) {
            run.state().put("unavailable", outcome.decision().unavailable());
        }
        run.state().put("blockedBeforeGeneration", true);
        return run.pipeline().first(StepKind.PUBLISH).orElseThrow().id();
    }
}
