package io.hallmark.governance.stage;

import io.hallmark.api.Modality;
import java.util.List;
import java.util.Map;

/**
 * What a code generator found in its own output (secrets, process execution, unsafe deserialization, SQL built
 * from strings, licence headers, syntax errors), reported in its metadata as {@code findings} (each with a
 * {@code severity} of high, medium or info) and {@code syntax} ({@code errors}), turned into the scores
 * {@code code.findings.high}, {@code code.findings.medium} and {@code code.syntax_errors}.
 */
public final class CodeFindingsAssessor implements Assessor {

    @Override
    public String name() {
        return "code";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        if (input.modality() != Modality.CODE) {
            return;
        }
        List<?> findings = input.metadata().get("findings") instanceof List<?> l ? l : List.of();
        long high = count(findings, "high");
        long medium = count(findings, "medium");
        int syntaxErrors = 0;
        if (input.metadata().get("syntax") instanceof Map<?, ?> syntax && syntax.get("errors") instanceof List<?> errors) {
            syntaxErrors = errors.size();
        }
        out.score("code.findings.high", high).score("code.findings.medium", medium)
                .score("code.syntax_errors", syntaxErrors);
        out.findings(name(), Map.of("findings", findings, "syntaxErrors", syntaxErrors,
                "language", String.valueOf(input.metadata().getOrDefault("language", "unknown"))));
    }

    @Override
    public java.util.Set<String> metrics() {
        return java.util.Set.of("code.findings.high", "code.findings.medium", "code.syntax_errors");
    }

    private static long count(List<?> findings, String severity) {
        return findings.stream().filter(f -> f instanceof Map<?, ?> m && severity.equals(m.get("severity"))).count();
    }
}
