package io.hallmark.core.pipeline;

import io.hallmark.api.Modality;
import io.hallmark.governance.policy.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A validated pipeline: the steps a generation of one modality goes through, in order.
 *
 * @param name a name for people (shown with the job)
 * @param modality the content type it serves
 * @param steps the steps in order; {@code revise} returns to an earlier step, every other step goes on to the next
 * @param source where it was read from (a resource, a file, or "stored with the job")
 * @param contentType the content type its generations are judged as when the request declares none
 *     ({@code content-type: story}), or {@code null}: {@link ContentType#GENERAL}
 */
public record PipelineDefinition(String name, Modality modality, List<StepDefinition> steps, String source,
        @Nullable ContentType contentType) {

    public PipelineDefinition {
        steps = List.copyOf(steps);
    }

    /** A pipeline that declares no content type. */
    public PipelineDefinition(String name, Modality modality, List<StepDefinition> steps, String source) {
        this(name, modality, steps, source, null);
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
        if (contentType != null) {
            map.put("content-type", contentType.id());
        }
        map.put("steps", steps.stream().map(StepDefinition::toMap).toList());
        return map;
    }
}
