package io.hallmark.core.jobs;

import io.hallmark.api.GenerationRequest;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.pipeline.StepKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The reviser: when the judge said REVISE, it writes a revision prompt (the original prompt, what the review found,
 * and the draft) and sends the flow back to {@code backTo} (the generator) for another round. A planned text is
 * revised section by section: only the sections holding a failed check or a refuted claim are written again, the
 * others are kept. Without a REVISE it does nothing.
 */
final class ReviseStep implements PipelineStep {

    private final Database db;

    ReviseStep(Database db) {
        this.db = db;
    }

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        Map<String, Object> state = run.state();
        if (!"REVISE".equals(state.get("action"))) {
            return null;
        }
        Instant started = Instant.now();
        Object fired = state.getOrDefault("fired", List.of());
        @SuppressWarnings("unchecked")
        List<String> reasons = state.get("reasons") instanceof List<?> l ? (List<String>) l : List.of();
        List<Map<String, Object>> sections = run.list("sections");
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (sections.isEmpty()) {
            String draft = db.inTransaction(s -> s.find(ContentItem.class, run.job().contentItemId())).textBody();
            String prompt = revisionPrompt(run.originalPrompt(), fired, reasons, draft);
            state.put("prompt", prompt);
            outputs.put("prompt", prompt);
        } else {
            Set<Integer> failing = failingSections(state.get("findings"));
            Map<String, String> prompts = new LinkedHashMap<>();
            List<Map<String, Object>> outline = run.list("outline");
            for (int i = 0; i < sections.size(); i++) {
                if (failing.isEmpty() || failing.contains(i + 1)) {
                    prompts.put(String.valueOf(i), revisionPrompt(String.valueOf(outline.get(i).get("prompt")), fired,
                            reasons, String.valueOf(sections.get(i).get("text"))));
                }
            }
            state.put("sectionPrompts", prompts);
            outputs.put("sections", prompts.keySet().stream().map(k -> Integer.parseInt(k) + 1).toList());
            outputs.put("prompts", prompts);
        }
        run.agent("reviser", Map.of("fired", fired, "reasons", reasons), outputs, started);
        int round = run.round() + 1;
        state.put("round", round);
        state.remove("action");
        run.context().event("revise", Map.of("round", round, "reasons", fired));
        String generate = run.pipeline().first(StepKind.GENERATE).orElseThrow().id();
        return step.stringSetting("backTo", generate);
    }

    /** The 1-based sections holding a failed plugin check's span or a refuted claim. */
    static Set<Integer> failingSections(@Nullable Object findings) {
        Set<Integer> failing = new TreeSet<>();
        if (findings instanceof Map<?, ?> all) {
            if (all.get("plugin-checks") instanceof List<?> checks) {
                for (Object c : checks) {
                    if (c instanceof Map<?, ?> m && "FAIL".equals(m.get("outcome")) && m.get("spans") instanceof List<?> spans) {
                        spans.forEach(sp -> {
                            if (sp instanceof Map<?, ?> span && span.get("section") instanceof Number n) {
                                failing.add(n.intValue());
                            }
                        });
                    }
                }
            }
            all.values().forEach(details -> {
                if (details instanceof Map<?, ?> d && d.get("claims") instanceof List<?> claims) {
                    claims.forEach(claim -> {
                        if (claim instanceof Map<?, ?> cm && "REFUTED".equals(cm.get("verdict"))
                                && cm.get("section") instanceof Number n) {
                            failing.add(n.intValue());
                        }
                    });
                }
            });
        }
        return failing;
    }

    /** The prompt, what the review objected to, and the draft to revise. */
    static String revisionPrompt(String original, Object fired, List<String> reasons, @Nullable String draft) {
        StringBuilder p = new StringBuilder(original).append("\n\nRevise the draft below. The review found: ");
        p.append(fired).append(".");
        reasons.forEach(r -> p.append("\n- ").append(r));
        if (draft != null) {
            p.append("\n\nDraft:\n").append(draft);
        }
        return p.length() > GenerationRequest.MAX_PROMPT_CHARS ? p.substring(0, GenerationRequest.MAX_PROMPT_CHARS)
                : p.toString();
    }
}
