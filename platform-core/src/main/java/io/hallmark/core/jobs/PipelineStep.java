package io.hallmark.core.jobs;

import io.hallmark.core.pipeline.StepDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One kind of pipeline step (planner, generator, checker, judge, reviser, publisher). A step reads and writes the
 * run's durable state; after it returns, the pipeline records the step as completed with that state, so a resumed job
 * continues after it. A step must leave one result when it runs twice (after a crash between its work and the record).
 */
interface PipelineStep {

    /**
     * Runs the step as declared.
     *
     * @return the id of the step to run next, or {@code null} for the following step
     */
    @Nullable String run(StepDefinition step, PipelineRun run) throws Exception;
}
