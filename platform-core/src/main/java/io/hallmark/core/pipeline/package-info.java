/**
 * Declared generation pipelines: which agents run, in which order, with which settings, per content type.
 *
 * <p>A {@link io.hallmark.core.pipeline.PipelineDefinition} is a list of
 * {@link io.hallmark.core.pipeline.StepDefinition}s read by {@link io.hallmark.core.pipeline.PipelineParser} from a
 * small YAML (or JSON) file and validated with errors that name the line and the field.
 * {@link io.hallmark.core.pipeline.PipelineDefinitions} gives the one in force for a modality: the shipped default
 * ({@code /pipelines/<modality>.yaml}) unless the data directory holds {@code pipelines/<modality>.yaml}.
 * The kinds of step and their settings are listed in {@link io.hallmark.core.pipeline.StepKind}.
 */
@NullMarked
package io.hallmark.core.pipeline;

import org.jspecify.annotations.NullMarked;
