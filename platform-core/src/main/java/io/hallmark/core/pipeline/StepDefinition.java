package io.hallmark.core.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One declared step.
 *
 * @param id the step's name in this pipeline (unique; the kind unless set)
 * @param kind what the step does
 * @param settings the kind's settings as written (validated by {@link PipelineParser})
 * @param line the line of the definition the step starts on (0 when built in code)
 */
public record StepDefinition(String id, StepKind kind, Map<String, Object> settings, int line) {

    public StepDefinition {
        settings = Map.copyOf(settings);
    }

    /** An integer setting, or {@code fallback} when absent. */
    public int intSetting(String name, int fallback) {
        return settings.get(name) instanceof Number n ? n.intValue() : fallback;
    }

    /** A string setting, or {@code fallback} when absent. */
    public String stringSetting(String name, String fallback) {
        return settings.get(name) instanceof String s ? s : fallback;
    }

    /** A list-of-strings setting, empty when absent. */
    public List<String> listSetting(String name) {
        return settings.get(name) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** As written in a definition (and stored with a job). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("step", kind.id());
        map.put("id", id);
        map.putAll(settings);
        return map;
    }
}
