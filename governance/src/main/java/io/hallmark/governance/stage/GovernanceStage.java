package io.hallmark.governance.stage;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one governance stage every modality passes: runs each assessor over the content and gathers their scores
 * and findings. An assessor that fails is recorded as failed in the findings (and counted in
 * {@code checks.failed}); it never silently approves content.
 */
public final class GovernanceStage {

    private static final Logger log = LoggerFactory.getLogger(GovernanceStage.class);

    private final List<Assessor> assessors;

    public GovernanceStage(List<Assessor> assessors) {
        this.assessors = List.copyOf(assessors);
    }

    public List<Assessor> assessors() {
        return assessors;
    }

    /**
     * The assessors that screen the prompt alone ({@link Assessor#screensPrompt()}), as a stage of their own: run
     * on an input without text, before the generator is called.
     */
    public GovernanceStage promptScreens() {
        return new GovernanceStage(assessors.stream().filter(Assessor::screensPrompt).toList());
    }

    public Assessment assess(AssessmentInput input) {
        Assessment assessment = new Assessment();
        int failed = 0;
        for (Assessor assessor : assessors) {
            try {
                assessor.assess(input, assessment);
            } catch (RuntimeException e) {
                failed++;
                log.warn("Assessor {} failed: {}", assessor.name(), e.toString());
                assessment.findings(assessor.name(), Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        Double fromPlugins = assessment.scores().get("checks.failed");
        assessment.score("checks.failed", failed + (fromPlugins == null ? 0 : fromPlugins));
        return assessment;
    }
}
