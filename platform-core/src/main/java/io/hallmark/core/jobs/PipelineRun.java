package io.hallmark.core.jobs;

import io.hallmark.api.Modality;
import io.hallmark.core.pipeline.PipelineDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at running a job through its pipeline: the job, what it may do ({@link JobContext}), the definition it
 * follows, and its durable state (saved after every step; a resumed attempt starts from it).
 */
final class PipelineRun {

    private final ClaimedJob job;
    private final JobContext context;
    private final PipelineDefinition pipeline;
    private final AgentTrace trace;
    private final Map<String, Object> state;
    private @Nullable String finalState;
    private String currentStep = "";

    PipelineRun(ClaimedJob job, JobContext context, PipelineDefinition pipeline, AgentTrace trace,
            Map<String, Object> state) {
        this.job = job;
        this.context = context;
        this.pipeline = pipeline;
        this.trace = trace;
        this.state = new LinkedHashMap<>(state);
    }

    ClaimedJob job() {
        return job;
    }

    JobContext context() {
        return context;
    }

    PipelineDefinition pipeline() {
        return pipeline;
    }

    /** The durable state: what completed steps left for the next ones. */
    Map<String, Object> state() {
        return state;
    }

    Modality modality() {
        return Modality.parse((String) job.request().get("modality"));
    }

    String pluginId() {
        return (String) job.request().get("pluginId");
    }

    String channel() {
        return (String) job.request().getOrDefault("channel", "default");
    }

    /** The content type the request declared, else the pipeline's, else {@code general}. */
    io.hallmark.governance.policy.ContentType contentType() {
        Object declared = job.request().get("contentType");
        if (declared != null) {
            return io.hallmark.governance.policy.ContentType.parse(declared.toString());
        }
        return java.util.Objects.requireNonNullElse(pipeline.contentType(),
                io.hallmark.governance.policy.ContentType.GENERAL);
    }

    /**
     * The user's instruction as the client wrote it, or as the input screen passed it on (redacted), without the
     * documents sent with it: what the input screens read as the prompt.
     */
    String instruction() {
        return (String) state.getOrDefault("screenedPrompt", job.request().get("prompt"));
    }

    /** The untrusted documents sent with the request (data), in order; none for a plain prompt. */
    List<io.hallmark.api.InputDocument> documents() {
        return GenerationService.documents(job.request());
    }

    /**
     * The prompt a generator is given ({@link io.hallmark.governance.safety.roles.DataMarking#forGenerator}): the
     * {@link #instruction} with the data pasted into it marked in place and, when the request carried documents, each
     * marked as data after it; the instruction alone when it has neither.
     */
    String originalPrompt() {
        return io.hallmark.governance.safety.roles.DataMarking.forGenerator(instruction(), documents());
    }

    /** The prompt the generator gets this round (the original, or a revision prompt). */
    String prompt() {
        return (String) state.getOrDefault("prompt", originalPrompt());
    }

    /** Which round of generation this is (1, then one more per revision). */
    int round() {
        return state.get("round") instanceof Number n ? n.intValue() : 1;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> request(String key) {
        return job.request().get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String key) {
        return state.get(key) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    void currentStep(String step) {
        this.currentStep = step;
    }

    /** Records an agent call of the current step. */
    void agent(String agent, Map<String, Object> inputs, Map<String, Object> outputs, Instant started) {
        trace.record(job.id(), job.attempt(), currentStep, round(), agent, inputs, outputs, null, started);
    }

    /** Records an agent call that failed. */
    void agentFailed(String agent, Map<String, Object> inputs, String error, Instant started) {
        trace.record(job.id(), job.attempt(), currentStep, round(), agent, inputs, Map.of(), error, started);
    }

    /** Ends the run with a final job state (the publisher does). */
    void finish(String state) {
        this.finalState = state;
    }

    @Nullable String finalState() {
        return finalState;
    }
}
