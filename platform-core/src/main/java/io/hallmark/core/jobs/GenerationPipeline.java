package io.hallmark.core.jobs;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.Modality;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.db.Database;
import io.hallmark.core.pipeline.PipelineDefinition;
import io.hallmark.core.pipeline.PipelineDefinitions;
import io.hallmark.core.pipeline.PipelineParser;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.pipeline.StepKind;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.SelfConsistency;
import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import io.hallmark.governance.stage.GovernanceStage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a generation job through the pipeline declared for its modality ({@link PipelineDefinitions}): planner,
 * generator(s), self-checker, checker, judge, reviser and publisher, each a {@link PipelineStep}. The definition is stored with the
 * job when it starts, so a resumed job runs the same flow. After every step the run's state is recorded with the
 * step; a job resumed after a crash continues with the step after its last completed one (or the step a reviser
 * sent it back to), and every step is written so that running it twice leaves one result.
 */
public final class GenerationPipeline implements JobRunner {

    /** How many times a REVISE decision may send a draft back when neither pipeline nor request say. */
    public static final int DEFAULT_MAX_REVISIONS = JudgeStep.DEFAULT_MAX_REVISIONS;

    private final PipelineDefinitions definitions;
    private final AgentTrace trace;
    private final PipelineParser parser = new PipelineParser();
    private final Map<StepKind, PipelineStep> steps = new EnumMap<>(StepKind.class);

    public GenerationPipeline(Database db, PluginHost plugins, BlobStore blobs, GovernanceStage governance,
            PolicyService policies, AuditLog audit) {
        this(db, plugins, blobs, governance, policies, audit, PipelineDefinitions.defaults());
    }

    public GenerationPipeline(Database db, PluginHost plugins, BlobStore blobs, GovernanceStage governance,
            PolicyService policies, AuditLog audit, PipelineDefinitions definitions) {
        this(db, plugins, blobs, governance, policies, audit, definitions, () -> new SelfConsistency(
                new ClaimExtractor(), List.of(new ConsistencyVerifier())));
    }

    /**
     * @param selfConsistency how a {@code selfcheck} step scores claims against the resampled texts; asked for on
     *     the first self-check only (its verifiers may load models)
     */
    public GenerationPipeline(Database db, PluginHost plugins, BlobStore blobs, GovernanceStage governance,
            PolicyService policies, AuditLog audit, PipelineDefinitions definitions,
            java.util.function.Supplier<SelfConsistency> selfConsistency) {
        this.definitions = definitions;
        this.trace = new AgentTrace(db);
        steps.put(StepKind.SCREEN, new ScreenStep(db, governance, policies));
        steps.put(StepKind.PLAN, new PlanStep());
        steps.put(StepKind.GENERATE, new GenerateStep(db, plugins, blobs));
        steps.put(StepKind.SELFCHECK, new SelfCheckStep(db, plugins, selfConsistency));
        steps.put(StepKind.CHECK, new CheckStep(db, blobs, governance));
        steps.put(StepKind.JUDGE, new JudgeStep(db, policies));
        steps.put(StepKind.REVISE, new ReviseStep(db));
        steps.put(StepKind.PUBLISH, new PublishStep(db, audit));
    }

    @Override
    public String run(ClaimedJob job, JobContext context) throws Exception {
        PipelineDefinition pipeline = definition(job);
        PipelineRun run = new PipelineRun(job, context, pipeline, trace, job.stepState());
        List<StepDefinition> declared = pipeline.steps();
        int i = resumeAt(job, pipeline);
        context.event("pipeline", Map.of("name", pipeline.name(), "steps", declared.stream().map(StepDefinition::id)
                .toList(), "from", i < declared.size() ? declared.get(i).id() : ""));
        while (i < declared.size()) {
            if (context.cancellation().isCancelled()) {
                throw new GenerationCancelledException("Job " + job.id() + " stopped before step '"
                        + declared.get(i).id() + "'");
            }
            StepDefinition step = declared.get(i);
            run.currentStep(step.id());
            String jump = steps.get(step.kind()).run(step, run);
            if (run.finalState() != null) {
                return run.finalState();
            }
            int next = jump == null ? i + 1 : pipeline.indexOf(jump);
            run.state().put("next", next < declared.size() ? declared.get(next).id() : "");
            context.stepDone(step.id(), run.state());
            i = next;
        }
        throw new GenerationFailedException("Pipeline '" + pipeline.name() + "' ended without a publish step");
    }

    /** The definition stored with the job, or (first attempt) the one in force, stored now. */
    private PipelineDefinition definition(ClaimedJob job) {
        Map<String, Object> stored = trace.pipeline(job.id());
        if (stored != null) {
            return parser.fromMap(stored, "(stored with job " + job.id() + ")");
        }
        PipelineDefinition current = definitions.forModality(Modality.parse((String) job.request().get("modality")));
        Map<String, Object> map = new LinkedHashMap<>(current.toMap());
        map.put("source", current.source());
        trace.pipeline(job.id(), map);
        Map<String, Object> kept = trace.pipeline(job.id()); // another attempt may have stored one first
        return kept == null ? current : parser.fromMap(kept, "(stored with job " + job.id() + ")");
    }

    private static int resumeAt(ClaimedJob job, PipelineDefinition pipeline) {
        if (job.lastStep() == null) {
            return 0;
        }
        if (job.stepState().get("next") instanceof String next) {
            return next.isEmpty() ? pipeline.steps().size() : pipeline.indexOf(next);
        }
        return pipeline.indexOf(job.lastStep()) + 1;
    }
}
