package io.hallmark.governance.stage;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.bias.BiasAssessor;
import io.hallmark.governance.safety.SafetyAssessor;
import java.util.List;

/** The assessors every platform runs: personal data, safety screening and bias scoring (models load on first use). */
public final class StandardAssessors {

    private StandardAssessors() {}

    public static List<Assessor> of(GovernanceModels models) {
        return of(models, null);
    }

    /** The same with the optional guard model beside the safety screens ({@code null}: none). */
    public static List<Assessor> of(GovernanceModels models,
            io.hallmark.governance.safety.guard.@org.jspecify.annotations.Nullable GuardScreen guard) {
        return List.of(new PiiAssessor(), new CodeFindingsAssessor(), new SafetyAssessor(models, guard),
                new BiasAssessor(models));
    }
}
