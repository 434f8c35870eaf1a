package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.InputDocument;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.input.FieldLimits;
import io.hallmark.api.input.TextInput;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.jobs.JobEvent;
import io.hallmark.core.jobs.JobView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Governed generation: {@code POST /api/v1/generations} (202 with the job), {@code GET /api/v1/generations/{id}}
 * (state, content, report), {@code GET /api/v1/generations/{id}/events} (Server-Sent Events, resumable with
 * {@code Last-Event-ID}), {@code POST /api/v1/generations/{id}/cancel} and {@code GET /api/v1/generators}.
 */
final class GenerationRoutes {

    /**
     * The request header that makes a submission safe to retry: the same key and request return the first job, the
     * same key with another request is refused (422).
     */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD");
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final GenerationService generations;
    private final io.hallmark.core.plugin.PluginHost plugins;

    GenerationRoutes(GenerationService generations, io.hallmark.core.plugin.PluginHost plugins) {
        this.generations = generations;
        this.plugins = plugins;
    }

    void register(RoutesConfig routes) {
        Allowed[] submitters = {Allowed.OPERATOR, Allowed.ADMIN};
        Allowed[] readers = {Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR};
        routes.get("/api/v1/generators", ctx -> ctx.json(Map.of("items", plugins.generators())), Allowed.ANY_USER);
        routes.post("/api/v1/generations", this::submit, submitters);
        routes.get("/api/v1/generations/{id}", ctx -> ctx.json(generations.view(id(ctx))), readers);
        routes.post("/api/v1/generations/{id}/cancel", ctx -> ctx.json(generations.queue().cancel(id(ctx))), submitters);
        routes.get("/api/v1/generations/{id}/events", this::events, readers);

        Allowed[] sandbox = {Allowed.PLUGIN_DEVELOPER, Allowed.ADMIN};
        routes.post("/api/v1/sandbox/generations", ctx -> submit(ctx, PluginChannel.SANDBOX_JOB_CHANNEL), sandbox);
        routes.get("/api/v1/sandbox/generations/{id}", ctx -> {
            Map<String, Object> view = generations.view(id(ctx));
            JobView job = (JobView) view.get("job");
            if (!PluginChannel.SANDBOX_JOB_CHANNEL.equals(generations.channel(job.id()))) {
                throw new io.hallmark.core.NotFoundException("sandbox job", job.id().toString(),
                        "No sandbox job " + job.id() + "; read other jobs through /api/v1/generations");
            }
            ctx.json(view);
        }, sandbox);
    }

    private void submit(Context ctx) {
        submit(ctx, null);
    }

    /** @param forcedChannel the channel every job of this route runs on, or {@code null} to take the body's */
    private void submit(Context ctx, @Nullable String forcedChannel) {
        JsonNode body = Json.body(ctx);
        Modality modality;
        try {
            modality = Modality.parse(Json.requiredText(body, "modality", 16));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("modality", e.getMessage());
        }
        Map<String, Object> parameters = new HashMap<>();
        if (body.has("parameters")) {
            if (!body.get("parameters").isObject()) {
                throw InvalidRequestException.of("parameters", "Field 'parameters' must be an object");
            }
            parameters = JSON.convertValue(body.get("parameters"), JSON.getTypeFactory()
                    .constructMapType(HashMap.class, String.class, Object.class));
        }
        Long seed = Json.optionalLong(body, "seed");
        Duration deadline = body.hasNonNull("deadlineSeconds")
                ? Duration.ofSeconds(Json.intIn(body, "deadlineSeconds", 1, 86_400)) : null;
        GenerationService.Submission submission = new GenerationService.Submission(modality,
                Json.requiredText(body, "prompt", io.hallmark.api.GenerationRequest.MAX_PROMPT_CHARS),
                identifier(body, "plugin"), parameters, seed,
                forcedChannel != null ? forcedChannel : java.util.Objects.requireNonNullElse(identifier(body, "channel"),
                        "default"),
                body.hasNonNull("priority") ? Json.intIn(body, "priority", -100, 100) : 0, deadline,
                contentType(Json.optionalText(body, "contentType", 16), "contentType"), documents(body));
        io.hallmark.core.jobs.Submitted submitted = generations.submit(submission, AccessFilter.actor(ctx),
                ctx.header(IDEMPOTENCY_KEY));
        JobView job = submitted.job();
        if (submitted.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(202).header("Location", (forcedChannel != null ? "/api/v1/sandbox/generations/"
                : "/api/v1/generations/") + job.id()).json(job);
    }

    /**
     * The untrusted documents of a request ({@code documents: [{name, text}]}), none when absent or null; refusals
     * name the field ({@code documents[1].text}). The limits are {@link InputDocument#checked}'s.
     */
    static List<InputDocument> documents(JsonNode body) {
        JsonNode value = body.get("documents");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw InvalidRequestException.of("documents", "Field 'documents' must be an array of {name, text}");
        }
        if (value.size() > FieldLimits.DOCUMENTS) {
            throw InvalidRequestException.of("documents", "A request carries at most " + FieldLimits.DOCUMENTS
                    + " documents, not " + value.size());
        }
        List<InputDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode d = value.get(i);
            String field = "documents[" + i + "]";
            if (!d.isObject()) {
                throw InvalidRequestException.of(field, "Field '" + field + "' must be an object {name, text}");
            }
            for (String member : (Iterable<String>) d::fieldNames) {
                if (!member.equals("name") && !member.equals("text")) {
                    throw InvalidRequestException.of(field + "." + member, "A document has only 'name' and 'text'");
                }
            }
            documents.add(InputDocument.of(i, documentText(d, field + ".name"), documentText(d, field + ".text")));
        }
        return InputDocument.checked(documents);
    }

    private static String documentText(JsonNode document, String field) {
        JsonNode value = document.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' is required (a non-empty string)");
        }
        return value.asText();
    }

    /**
     * A declared content type ({@code story}, {@code news}, {@code code}, {@code kb-answer}, {@code general}), or
     * {@code null} when the request declares none.
     */
    static io.hallmark.governance.policy.@Nullable ContentType contentType(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return io.hallmark.governance.policy.ContentType.parse(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(field, "Field '" + field + "': " + e.getMessage());
        }
    }

    /** An optional identifier field (plugin, channel): {@link FieldLimits#IDENTIFIER}'s alphabet. */
    private static @Nullable String identifier(JsonNode body, String field) {
        String value = Json.optionalText(body, field, 64);
        return value == null ? null : TextInput.identifier(field, value, FieldLimits.IDENTIFIER,
                FieldLimits.IDENTIFIER_RULE);
    }

    /**
     * The job's events as Server-Sent Events. Any client that accepts an event stream gets one ({@code Accept} absent,
     * {@code *}{@code /*}, as curl sends, or {@code text/event-stream}); one that accepts only something else gets a
     * 406 saying where the JSON is.
     */
    private void events(Context ctx) throws java.io.IOException {
        UUID job = id(ctx);
        generations.queue().get(job); // 404 for unknown jobs
        if (!EventStream.accepts(ctx.header("Accept"))) {
            HttpServer.problem(ctx, ApiError.of(406, "not-acceptable", "Not acceptable", "This endpoint answers "
                    + "Server-Sent Events (text/event-stream) and the request's Accept header ('" + ctx.header("Accept")
                    + "') excludes them; send Accept: text/event-stream or */*, or read the job as JSON at "
                    + "GET /api/v1/generations/" + job));
            return;
        }
        int after = 0;
        String lastId = ctx.header("Last-Event-ID");
        if (lastId != null && lastId.matches("\\d{1,9}")) {
            after = Integer.parseInt(lastId);
        }
        EventStream stream = EventStream.open(ctx);
        long until = System.nanoTime() + MAX_STREAM.toNanos();
        long lastKeepAlive = System.nanoTime();
        long finalSince = 0;
        while (stream.isOpen() && System.nanoTime() < until) {
            List<JobEvent> events = generations.queue().events(job, after);
            for (JobEvent e : events) {
                stream.event(e.type(), Integer.toString(e.seq()), Json.write(Map.of("seq", e.seq(), "data", e.data(),
                        "at", e.at().toString())));
                after = e.seq();
                if (e.type().equals("finished")) {
                    return;
                }
            }
            if (events.isEmpty() && FINAL.contains(generations.queue().get(job).state())) {
                // the queue appends 'finished' just after it commits the final state: wait a little for it
                if (finalSince == 0) {
                    finalSince = System.nanoTime();
                } else if (System.nanoTime() - finalSince > 2_000_000_000L) {
                    return;
                }
            }
            if (System.nanoTime() - lastKeepAlive > 15_000_000_000L) {
                stream.comment("keep-alive");
                lastKeepAlive = System.nanoTime();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("id", "'" + ctx.pathParam("id") + "' is not a generation id");
        }
    }
}
