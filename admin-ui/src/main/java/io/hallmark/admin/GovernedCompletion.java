package io.hallmark.admin;

import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.jobs.JobEvent;
import io.hallmark.core.jobs.JobView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a finished completion job amounts to in OpenAI's terms, read from the job, its content item, its governance
 * report and the generator's own {@code generated} event: the approved text, the token counts the generator's model
 * measured (its tokenizer, not words), the finish reason ({@code length} when the token limit cut the text,
 * {@code content_filter} when governance held or refused it) and the {@code hallmark} extension naming the decision
 * and the content.
 */
final class GovernedCompletion {

    /** The job states after which nothing changes. */
    static final Set<String> FINAL = Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD");

    /** How a completion ended. */
    enum Kind {
        /** Approved (possibly redacted) text to deliver. */
        APPROVED,
        /** The output was generated and then held for review or rejected: {@code content_filter}. */
        FILTERED,
        /** The prompt screens stopped it before generation: a 400, before any header when streaming. */
        BLOCKED_INPUT,
        /** The job failed, was cancelled or is still running after the wait. */
        FAILED
    }

    private final JobView job;
    private final Kind kind;
    private final Map<String, Object> content;
    private final Map<String, Object> decision;
    private final Map<String, Object> generated;

    private GovernedCompletion(JobView job, Kind kind, Map<String, Object> content, Map<String, Object> decision,
            Map<String, Object> generated) {
        this.job = job;
        this.kind = kind;
        this.content = content;
        this.decision = decision;
        this.generated = generated;
    }

    /** Reads job {@code id} as it stands now. */
    @SuppressWarnings("unchecked")
    static GovernedCompletion read(GenerationService generations, UUID id) {
        Map<String, Object> view = generations.view(id);
        JobView job = (JobView) view.get("job");
        Map<String, Object> content = (Map<String, Object>) view.getOrDefault("content", Map.of());
        Map<String, Object> decision = view.get("report") instanceof Map<?, ?> r
                && r.get("decision") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        Map<String, Object> generated = Map.of();
        for (JobEvent e : generations.queue().events(id, 0)) {
            if (e.type().equals("generated")) {
                generated = e.data(); // the last round's generation produced the text
            }
        }
        String status = String.valueOf(content.get("status"));
        Kind kind;
        if (!FINAL.contains(job.state()) || job.state().equals("FAILED") || job.state().equals("DEAD")
                || job.state().equals("CANCELLED")) {
            kind = Kind.FAILED;
        } else if ("input".equals(decision.get("stage"))) {
            kind = Kind.BLOCKED_INPUT;
        } else if (status.equals("APPROVED")) {
            kind = Kind.APPROVED;
        } else if (status.equals("NEEDS_REVIEW") || status.equals("REJECTED")) {
            kind = Kind.FILTERED;
        } else {
            kind = Kind.FAILED;
        }
        return new GovernedCompletion(job, kind, content, decision, generated);
    }

    Kind kind() {
        return kind;
    }

    JobView job() {
        return job;
    }

    /** The approved text ({@link Kind#APPROVED} only). */
    String text() {
        return String.valueOf(content.get("text"));
    }

    /**
     * OpenAI's finish reason: {@code content_filter} for held or refused output; {@code length} when the generator
     * stopped at the token limit (its {@code finishReason} metadata says {@code length} or {@code context}, or, for a
     * generator that reports none, it wrote as many tokens as {@code maxTokens} allowed); {@code stop} otherwise.
     */
    String finishReason(@Nullable Long maxTokens) {
        if (kind != Kind.APPROVED) {
            return "content_filter";
        }
        Object reported = generated.get("metadata") instanceof Map<?, ?> m ? m.get("finishReason") : null;
        if (reported != null) {
            return reported.equals("length") || reported.equals("context") ? "length" : "stop";
        }
        return maxTokens != null && completionTokens() >= maxTokens ? "length" : "stop";
    }

    long promptTokens() {
        return generated.get("promptTokens") instanceof Number n ? n.longValue() : 0;
    }

    long completionTokens() {
        return generated.get("outputTokens") instanceof Number n ? n.longValue() : 0;
    }

    /** OpenAI's usage object, counted by the generator's model. */
    Map<String, Object> usage() {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", promptTokens());
        usage.put("completion_tokens", completionTokens());
        usage.put("total_tokens", promptTokens() + completionTokens());
        return usage;
    }

    /** The decision of governance ({@code APPROVED}, {@code NEEDS_REVIEW}, {@code REJECTED}, ...). */
    String decision() {
        Object status = content.get("status");
        return status == null ? job.state() : status.toString();
    }

    /** The {@code hallmark} extension object: decision, deciding rule, stage, content and job ids. */
    Map<String, Object> extension() {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("decision", decision());
        ext.put("action", decision.get("action"));
        ext.put("rule", decision.get("rule"));
        ext.put("stage", decision.getOrDefault("stage", "output"));
        ext.put("content_id", job.contentItemId().toString());
        ext.put("job_id", job.id().toString());
        return ext;
    }

    /** The error for a completion that did not produce an answer ({@link Kind#BLOCKED_INPUT}, {@link Kind#FAILED}). */
    OpenAiException error() {
        String ids = " (Hallmark content " + job.contentItemId() + ", job " + job.id() + ")";
        if (kind == Kind.BLOCKED_INPUT) {
            boolean review = "NEEDS_REVIEW".equals(decision());
            return new OpenAiException(400, "invalid_request_error", "content_filter", "messages",
                    "The prompt was " + (review ? "held for human review" : "refused") + " by the governance policy's "
                            + "input screen (rule " + decision.get("rule") + "); nothing was generated" + ids,
                    extension());
        }
        return switch (job.state()) {
            case "CANCELLED" -> new OpenAiException(409, "invalid_request_error", "generation_cancelled", null,
                    "The generation was cancelled" + ids, extension());
            case "FAILED", "DEAD" -> new OpenAiException(500, "server_error", "generation_failed", null,
                    "The generation failed: " + (job.error() == null ? job.state() : job.error()) + ids, extension());
            case "DONE", "WAITING_REVIEW" -> new OpenAiException(500, "server_error", "generation_failed", null,
                    "The generation ended with content status " + decision() + ids, extension());
            default -> new OpenAiException(504, "server_error", "timeout", null, "The governed generation is still "
                    + job.state() + " after the wait; follow it at GET /api/v1/generations/" + job.id() + ids,
                    extension());
        };
    }
}
