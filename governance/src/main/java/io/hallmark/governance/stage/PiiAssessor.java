package io.hallmark.governance.stage;

import io.hallmark.governance.pii.PiiDetector;
import io.hallmark.governance.pii.PiiFinding;
import java.util.List;
import java.util.Map;

/** Personal data in the prompt and the output: scores {@code pii.prompt} and {@code pii.output}. */
public final class PiiAssessor implements Assessor {

    private final PiiDetector detector = new PiiDetector();

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        List<PiiFinding> inPrompt = detector.find(input.prompt());
        List<PiiFinding> inOutput = input.text() == null ? List.of() : detector.find(input.text());
        out.score("pii.prompt", inPrompt.size()).score("pii.output", inOutput.size());
        out.findings(name(), Map.of(
                "prompt", inPrompt.stream().map(PiiAssessor::describe).toList(),
                "output", inOutput.stream().map(PiiAssessor::describe).toList()));
    }

    private static Map<String, Object> describe(PiiFinding f) {
        return Map.of("type", f.type().name(), "start", f.start(), "end", f.end());
    }

    @Override
    public java.util.Set<String> metrics() {
        return java.util.Set.of("pii.prompt", "pii.output");
    }

    @Override
    public boolean screensPrompt() {
        return true;
    }
}
