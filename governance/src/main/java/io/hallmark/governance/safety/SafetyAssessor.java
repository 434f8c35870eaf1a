package io.hallmark.governance.safety;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.safety.guard.GuardScreen;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Safety screening in the governance stage: scores {@code safety.injection}, {@code safety.jailbreak} and
 * {@code safety.harmful} on the prompt and {@code safety.toxicity} on the output text, with the toxic sentences and
 * the spans that triggered a screen ({@code triggered}: screen, input, offsets, text, score) as findings. The screens
 * read by role: data pasted into the prompt ({@code prompt[data 1]}, ...) and documents sent beside it ({@link
 * AssessmentInput#documents()}, input {@code documents[i]}) are read by the injection screen; the jailbreak and
 * harmful-request screens read the prompt. Models load on first use. With a guard model configured ({@link
 * GuardScreen}) it also asks the guard, after the built-in screens scored, and adds {@code safety.guard} and the
 * guard's verdicts beside their scores.
 */
public final class SafetyAssessor implements Assessor {

    private final GovernanceModels models;
    private final @Nullable GuardScreen guard;

    public SafetyAssessor(GovernanceModels models) {
        this(models, null);
    }

    /** The built-in screens and, when {@code guard} is not {@code null}, the guard model beside them. */
    public SafetyAssessor(GovernanceModels models, @Nullable GuardScreen guard) {
        this.models = models;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "safety";
    }

    @Override
    public void assess(AssessmentInput input, Assessment out) {
        SafetyScreen screen = models.safety();
        Map<String, Object> findings = new LinkedHashMap<>();
        List<Map<String, Object>> triggered = new ArrayList<>();
        if (!input.prompt().isBlank()) {
            screenByRole(screen, input, out, findings, triggered);
        }
        if (input.text() != null && !input.text().isBlank()) {
            SafetyScreen.Toxicity tox = screen.toxicity(input.text());
            out.score("safety.toxicity", round(tox.score()));
            findings.put("toxicSpans", tox.spans());
            tox.spans().forEach(span -> triggered.add(toxic(span)));
        }
        if (guard != null) { // the guard hook: its verdicts join the built-in scores (GuardScreen)
            guard.apply(input, out, findings, triggered);
        }
        if (!input.prompt().isBlank() || !triggered.isEmpty()) {
            findings.put("triggered", triggered);
        }
        findings.put("thresholdNote", "scores of 0.8 and above are flagged (the threshold tuned on dev)");
        out.findings(name(), findings);
        models.loadedModelHashes().forEach((model, sha) -> {
            if (model.equals("safety") || model.startsWith("embedder:")) {
                out.usedModel(model, sha);
            }
        });
    }

    @Override
    public java.util.Set<String> metrics() {
        java.util.Set<String> builtIn = java.util.Set.of("safety.injection", "safety.jailbreak", "safety.harmful",
                "safety.toxicity");
        if (guard == null) {
            return builtIn;
        }
        java.util.Set<String> all = new java.util.HashSet<>(builtIn);
        all.add(GuardScreen.METRIC);
        return java.util.Set.copyOf(all);
    }

    /** The built-in screens are; a guard behind an endpoint cannot be shown to be (its weights are not here). */
    @Override
    public boolean deterministic() {
        return guard == null;
    }

    /** The score a screen flags from (the tuned threshold, mapped to 0.8). */
    public static final double FLAGGED = 0.8;

    /**
     * Screens a request by role ({@link SafetyScreen#explain}): the prompt is split into the instruction and the data
     * pasted into it; the injection screen reads the data spans, every document (each whole and in pieces) and the
     * instruction as {@link SafetyScreen#INSTRUCTION_READING} says; the jailbreak and harmful-request screens read
     * the instruction; {@code safety.injection} is the highest of them. The findings add {@code dataSpans} (each span
     * of data found in the prompt: {@code input} {@code prompt[data 1]}, offsets in the prompt, the rule that found
     * it), {@code decodedSpans} (each encoded run read decoded, {@link #decodedSpans}) and {@code documents} (each
     * document's name and injection score); the triggers name their input
     * ({@code prompt}, {@code prompt[data 1]} with offsets in the prompt, {@code documents[0]} with offsets in that
     * document).
     */
    private static void screenByRole(SafetyScreen screen, AssessmentInput input, Assessment out,
            Map<String, Object> findings, List<Map<String, Object>> triggered) {
        List<ScreenInput> inputs = new ArrayList<>();
        inputs.add(ScreenInput.instruction(input.prompt()));
        for (int i = 0; i < input.documents().size(); i++) {
            inputs.add(ScreenInput.data(documentInput(i), input.documents().get(i).text()));
        }
        SafetyScreen.Explained explained = screen.explain(inputs);
        Map<String, Double> scores = explained.scores();
        out.score("safety.injection", round(scores.get("injection")));
        out.score("safety.jailbreak", round(scores.get("jailbreak")));
        out.score("safety.harmful", round(scores.get("harmful")));
        findings.put("prompt", Map.of("injection", explained.injection("prompt"), "jailbreak",
                round(scores.get("jailbreak")), "harmful", round(scores.get("harmful"))));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < input.documents().size(); i++) {
            documents.add(Map.of("input", documentInput(i), "name", input.documents().get(i).name(), "injection",
                    explained.injection(documentInput(i))));
        }
        if (!documents.isEmpty()) {
            findings.put("documents", documents);
        }
        List<Map<String, Object>> spans = new ArrayList<>();
        List<io.hallmark.governance.safety.roles.RoleSplitter.Span> data =
                io.hallmark.governance.safety.roles.RoleSplitter.split(input.prompt()).data();
        for (int k = 0; k < data.size(); k++) {
            String name = SafetyScreen.dataSpanInput("prompt", k + 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", name);
            m.put("start", data.get(k).start());
            m.put("end", data.get(k).end());
            m.put("rule", data.get(k).rule());
            m.put("injection", explained.triggers().stream().filter(t -> t.input().equals(name))
                    .mapToDouble(SafetyScreen.InputTrigger::score).max().orElse(0));
            spans.add(m);
        }
        if (!spans.isEmpty()) {
            findings.put("dataSpans", spans);
        }
        List<Map<String, Object>> decoded = decodedSpans(inputs, explained);
        if (!decoded.isEmpty()) {
            findings.put("decodedSpans", decoded);
        }
        triggered.addAll(triggered(explained));
    }

    /**
     * Each encoded run of the request's inputs that the screens read decoded ({@link SafetyScreen#explain}): its
     * {@code input} ({@code prompt[decoded 1]}, {@code documents[0][decoded 1]}), {@code start} / {@code end} in that
     * input, the {@code encoding}, the {@code decoded} text (its first {@value #DECODED_SHOWN} characters), the
     * {@code payload} idiom it matched ({@link io.hallmark.governance.safety.encoding.EncodedPayload}; absent when none)
     * and its {@code injection} score.
     */
    static List<Map<String, Object>> decodedSpans(List<ScreenInput> inputs, SafetyScreen.Explained explained) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScreenInput in : inputs) {
            List<io.hallmark.governance.safety.encoding.EncodedSpans.Span> found =
                    io.hallmark.governance.safety.encoding.EncodedSpans.find(in.text());
            for (int k = 0; k < found.size(); k++) {
                io.hallmark.governance.safety.encoding.EncodedSpans.Span span = found.get(k);
                String name = SafetyScreen.decodedSpanInput(in.input(), k + 1);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("input", name);
                m.put("start", span.start());
                m.put("end", span.end());
                m.put("encoding", span.encoding());
                String text = span.decoded();
                m.put("decoded", text.length() <= DECODED_SHOWN ? text : text.substring(0, DECODED_SHOWN) + "...");
                io.hallmark.governance.safety.encoding.EncodedPayload.match(text)
                        .ifPresent(idiom -> m.put("payload", idiom.name()));
                m.put("injection", explained.triggers().stream().filter(t -> t.screen().equals("injection")
                        && t.input().equals(name)).mapToDouble(SafetyScreen.InputTrigger::score).max().orElse(0));
                out.add(m);
            }
        }
        return out;
    }

    /** The most characters of a decoded run the report shows. */
    static final int DECODED_SHOWN = 200;

    /** The name of the {@code i}th document of a request in the report, as its field is named in the request. */
    public static String documentInput(int i) {
        return "documents[" + i + "]";
    }

    /** The triggers of {@link SafetyScreen#explain} scoring at least {@link #FLAGGED}, as report entries. */
    static List<Map<String, Object>> triggered(SafetyScreen.Explained explained) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SafetyScreen.InputTrigger t : explained.triggers()) {
            if (t.score() >= FLAGGED) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("screen", t.screen());
                m.put("input", t.input());
                m.put("start", t.start());
                m.put("end", t.end());
                m.put("text", t.text());
                m.put("score", t.score());
                out.add(m);
            }
        }
        return out;
    }

    /** A toxic sentence of the checked text as a trigger span ({@code input} = {@code text}), like the prompt's. */
    static Map<String, Object> toxic(SafetyScreen.Span span) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("screen", "toxicity");
        m.put("input", "text");
        m.put("start", span.start());
        m.put("end", span.end());
        m.put("text", span.text());
        m.put("score", span.score());
        return m;
    }

    private static double round(double v) {
        return SafetyScreen.round(v);
    }

    @Override
    public boolean screensPrompt() {
        return true;
    }
}
