package io.hallmark.core.pipeline;

import io.hallmark.api.Modality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated pipeline: the steps a generation of one modality goes through, in order.
 *
 * @param name a name for people (shown with the job)
 * @param modality the content type it serves
 * @param steps the steps in order; {@code revise} returns to an earlier step, every other step goes on to the next
 * @param source where it was read from (a resource, a file, or "stored with the job")
 */
public record PipelineDefinition(String name, Modality modality, List<StepDefinition> steps, String source) {

    public PipelineDefinition {
        steps = List.copyOf(steps);
    }

    /** The first step of a kind, if declared. */
    public Optional<StepDefinition> first(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** The position of the step with this id. */
    public int indexOf(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Pipeline '" + name + "' has no step '" + id + "'; steps: "
                + steps.stream().map(StepDefinition::id).toList());
    }

    /** As written in a definition file; {@link PipelineParser#fromMap} reads it back. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("modality", modality.name());
        map.put("steps", steps.stream().map(StepDefinition::toMap).toList());
        return map;
    }
}
