package io.hallmark.core.jobs;

import io.hallmark.core.pipeline.StepDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The planner: when the request asks for a long text (a {@code words} target of at least {@code minWords}, or
 * {@code sections}), it writes an outline (section titles) and one prompt per section into the run's state; the
 * generator then writes the sections and assembles them. A short request passes through unplanned.
 */
final class PlanStep implements PipelineStep {

    /** The section count when neither titles nor a word target say otherwise. */
    static final int DEFAULT_WORDS_PER_SECTION = 200;

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        Instant started = Instant.now();
        Map<String, Object> plan = run.request("plan");
        Integer words = plan.get("words") instanceof Number n ? n.intValue() : null;
        Object sections = plan.get("sections");
        int minWords = step.intSetting("minWords", 400);
        int perSection = step.intSetting("wordsPerSection", DEFAULT_WORDS_PER_SECTION);
        int maxSections = step.intSetting("maxSections", 8);
        List<String> titles;
        if (sections instanceof List<?> list && !list.isEmpty()) {
            titles = list.stream().map(String::valueOf).limit(maxSections).toList();
        } else if (sections instanceof Number n && n.intValue() > 0) {
            titles = titles(Math.min(n.intValue(), maxSections));
        } else if (words != null && words >= minWords) {
            titles = titles(Math.max(2, Math.min(maxSections, (words + perSection - 1) / perSection)));
        } else {
            run.state().remove("outline");
            run.agent("planner", plan, Map.of("planned", false, "reason", words == null
                    ? "no word target or sections asked for" : words + " words is below minWords " + minWords), started);
            return null;
        }
        int wordsEach = words == null ? perSection : Math.max(1, words / titles.size());
        List<Map<String, Object>> outline = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", titles.get(i));
            section.put("words", wordsEach);
            section.put("prompt", sectionPrompt(run.originalPrompt(), titles, i, wordsEach));
            outline.add(section);
        }
        run.state().put("outline", outline);
        run.context().event("plan", Map.of("sections", titles, "wordsPerSection", wordsEach));
        run.agent("planner", plan, Map.of("planned", true, "outline", outline), started);
        return null;
    }

    /** Introduction, Part 2 ... Part n-1, Conclusion. */
    static List<String> titles(int n) {
        if (n == 1) {
            return List.of("Text");
        }
        List<String> titles = new ArrayList<>();
        titles.add("Introduction");
        for (int i = 2; i < n; i++) {
            titles.add("Part " + i);
        }
        titles.add("Conclusion");
        return titles;
    }

    static String sectionPrompt(String prompt, List<String> titles, int index, int words) {
        StringBuilder p = new StringBuilder(prompt).append("\n\nThis is section ").append(index + 1).append(" of ")
                .append(titles.size()).append(", \"").append(titles.get(index)).append("\", of a longer text. Outline:");
        for (int i = 0; i < titles.size(); i++) {
            p.append("\n").append(i + 1).append(". ").append(titles.get(i));
        }
        return p.append("\nWrite only this section, about ").append(words).append(" words.").toString();
    }
}
