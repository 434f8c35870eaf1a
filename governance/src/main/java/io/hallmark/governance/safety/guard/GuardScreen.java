package io.hallmark.governance.safety.guard;

import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook where the guard joins the built-in safety screens, called by the safety assessor after they scored. It
 * asks the guard about the inputs the settings name and adds to the assessment:
 * <ul>
 *   <li>{@code findings.safety.guard}: one row per input read, its verdict ({@code safe}, {@code unsafe},
 *       {@code controversial}) and categories, or, when the guard could not run, {@code could not run} and why;
 *       {@code findings.safety.guardModel}: the endpoint (scheme, host, port), model name, prompt style and combination;
 *   <li>the metric {@code safety.guard}: 1 when the guard flags any input it read, else 0;
 *   <li>with {@link GuardSettings.Combine#EITHER}, for each flagged input the built-in metric the policies act on, at 1
 *       ({@link #raisedMetric}), and the input as a {@code triggered} span (screen {@code guard}) for the console;
 *   <li>the guard in the record of what judged ({@link GuardSettings#recordName()}, {@link GuardSettings#recordSha256()}).
 * </ul>
 * When the guard cannot run the check {@code safety.guard} is UNAVAILABLE with the reason, so the decision fails closed
 * (a prompt is rejected or reviewed, content goes to review); the built-in screens' scores stay in the report.
 */
public final class GuardScreen {

    /** The metric of the guard's verdict. */
    public static final String METRIC = "safety.guard";

    /** The name of the guard's check in {@code unavailable}. */
    public static final String CHECK = "safety.guard";

    private static final Logger log = LoggerFactory.getLogger(GuardScreen.class);

    private final GuardModel guard;

    public GuardScreen(GuardModel guard) {
        this.guard = guard;
    }

    public GuardSettings settings() {
        return guard.settings();
    }

    /**
     * Judges the request's inputs and adds the verdicts to {@code out}, {@code findings} (the safety assessor's) and
     * {@code triggered} (its list of spans).
     */
    public void apply(AssessmentInput input, Assessment out, Map<String, Object> findings,
            List<Map<String, Object>> triggered) {
        GuardSettings s = guard.settings();
        List<GuardInput> inputs = inputs(input, s);
        if (inputs.isEmpty()) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("endpoint", s.endpoint());
        model.put("model", s.model());
        model.put("style", s.style().id());
        model.put("combine", s.combine().id());
        findings.put("guardModel", model);
        List<GuardVerdict> verdicts;
        try {
            verdicts = guard.judge(inputs);
        } catch (GuardUnavailableException e) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (GuardInput in : inputs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("input", in.input());
                row.put("verdict", "could not run");
                row.put("reason", e.getMessage());
                rows.add(row);
            }
            findings.put("guard", rows);
            out.unavailable(CHECK, e.getMessage());
            log.warn("Check {} is unavailable: {}", CHECK, e.getMessage()); // the reason never holds the API key
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < inputs.size(); i++) {
            GuardInput in = inputs.get(i);
            GuardVerdict v = verdicts.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("input", in.input());
            row.put("verdict", v.label());
            row.put("categories", v.categories());
            rows.add(row);
            if (v.flagged()) {
                any = true;
                if (s.combine() == GuardSettings.Combine.EITHER) {
                    out.score(raisedMetric(in, v), 1.0);
                    Map<String, Object> span = new LinkedHashMap<>();
                    span.put("screen", "guard");
                    span.put("input", in.input());
                    span.put("start", 0);
                    span.put("end", in.text().length());
                    span.put("text", in.text());
                    span.put("score", 1.0);
                    span.put("categories", v.categories());
                    triggered.add(span);
                }
            }
        }
        findings.put("guard", rows);
        out.score(METRIC, any ? 1.0 : 0.0);
        out.usedModel(s.recordName(), s.recordSha256());
    }

    /** The inputs the settings name, as this request has them (a blank prompt or output is not sent). */
    static List<GuardInput> inputs(AssessmentInput input, GuardSettings s) {
        List<GuardInput> out = new ArrayList<>();
        if (s.inputs().contains(GuardSettings.Input.PROMPT) && !input.prompt().isBlank()) {
            out.add(GuardInput.request("prompt", input.prompt()));
        }
        if (s.inputs().contains(GuardSettings.Input.DOCUMENTS)) {
            for (int i = 0; i < input.documents().size(); i++) {
                out.add(GuardInput.request("documents[" + i + "]", input.documents().get(i).text()));
            }
        }
        if (s.inputs().contains(GuardSettings.Input.OUTPUT) && input.text() != null && !input.text().isBlank()) {
            out.add(GuardInput.output(input.prompt(), input.text()));
        }
        return out;
    }

    /**
     * The built-in metric a flagged input raises when either may flag: {@code safety.toxicity} for the output;
     * for a prompt or document {@code safety.jailbreak} or {@code safety.injection} when the guard names that
     * category, else {@code safety.harmful}.
     */
    public static String raisedMetric(GuardInput input, GuardVerdict verdict) {
        if (input.reply()) {
            return "safety.toxicity";
        }
        String named = String.join(",", verdict.categories()).toLowerCase(Locale.ROOT);
        if (named.contains("jailbreak")) {
            return "safety.jailbreak";
        }
        if (named.contains("injection")) {
            return "safety.injection";
        }
        return "safety.harmful";
    }
}
