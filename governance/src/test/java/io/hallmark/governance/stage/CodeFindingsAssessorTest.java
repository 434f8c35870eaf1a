package io.hallmark.governance.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.Modality;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.DefaultPolicy;
import io.hallmark.governance.policy.PolicyEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeFindingsAssessorTest {

    @Test
    void aHardCodedSecretInGeneratedCodeSendsItToReviewUnderTheDefaultPolicy() {
        Map<String, Object> metadata = Map.of(
                "language", "java",
                "findings", List.of(Map.of("kind", "secret", "severity", "high", "line", 3, "message", "hard-coded key"),
                        Map.of("kind", "licence", "severity", "info", "line", 1, "message", "GPL header")),
                "syntax", Map.of("checked", true, "valid", false, "errors", List.of("line 4: ';' expected")));
        GovernanceStage stage = new GovernanceStage(List.of(new CodeFindingsAssessor()));

        Assessment a = stage.assess(new AssessmentInput(Modality.CODE, "write a client", "class A {}", null,
                "text/x-java", metadata));

        assertThat(a.scores()).containsEntry("code.findings.high", 1.0).containsEntry("code.findings.medium", 0.0)
                .containsEntry("code.syntax_errors", 1.0);
        assertThat(new PolicyEngine().decide(DefaultPolicy.load(), a.scores()).action()).isEqualTo(Action.NEEDS_REVIEW);
    }

    @Test
    void textIsNotScoredForCode() {
        Assessment a = new GovernanceStage(List.of(new CodeFindingsAssessor())).assess(new AssessmentInput(Modality.TEXT,
                "p", "t", null, "text/plain", Map.of("findings", List.of(Map.of("severity", "high")))));

        assertThat(a.scores()).doesNotContainKey("code.findings.high");
    }
}
