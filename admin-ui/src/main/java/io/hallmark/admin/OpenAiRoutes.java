package io.hallmark.admin;

import io.hallmark.api.Modality;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.jobs.JobEvent;
import io.hallmark.core.jobs.JobView;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.plugin.GeneratorView;
import io.hallmark.core.plugin.PluginHost;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The OpenAI-compatible API ({@code POST /v1/chat/completions}, {@code POST /v1/completions}, {@code GET /v1/models},
 * {@code GET /v1/models/{id}}) backed by Hallmark's generators <b>under governance</b>: every completion is a job
 * that passes the prompt screens, the generator and the governance stage before a word reaches the client.
 *
 * <ul>
 *   <li>A prompt the input screens stop is a 400 ({@code code: content_filter}) sent before any header, streaming or
 *       not; output that governance holds for review or rejects is a normal answer whose choice ends with
 *       {@code finish_reason: content_filter} and no text, plus the {@code hallmark} extension object (decision,
 *       content id) - never a status an SDK would retry.</li>
 *   <li>{@code usage} holds the generator model's own token counts; {@code finish_reason} is {@code length} when
 *       {@code max_tokens} cut the text.</li>
 *   <li>With {@code "stream": true} the first chunk carries the role once the prompt passed its screens, keep-alive
 *       comments follow while the job runs, and the approved text is streamed in pieces once the decision is made
 *       (streaming unchecked text would defeat governance); {@code stream_options.include_usage} adds the usage
 *       chunk.</li>
 * </ul>
 * Errors use OpenAI's error shape ({@link OpenAiErrors}) with {@code x-should-retry: false} unless a retry can help.
 */
final class OpenAiRoutes {

    private static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final long KEEP_ALIVE_NANOS = 5_000_000_000L;
    private static final Set<String> SCREEN_PASSED = Set.of("APPROVE", "REDACT");

    private final GenerationService generations;
    private final PluginHost plugins;

    OpenAiRoutes(GenerationService generations, PluginHost plugins) {
        this.generations = generations;
        this.plugins = plugins;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/models", ctx -> ctx.json(Map.of("object", "list", "data",
                models().stream().map(OpenAiRoutes::model).toList())), Allowed.OPERATOR, Allowed.ADMIN);
        routes.get("/v1/models/{id}", ctx -> ctx.json(model(find(ctx.pathParam("id")))), Allowed.OPERATOR,
                Allowed.ADMIN);
        routes.post("/v1/chat/completions", ctx -> complete(ctx, Shape.CHAT), Allowed.OPERATOR, Allowed.ADMIN);
        routes.post("/v1/completions", ctx -> complete(ctx, Shape.TEXT), Allowed.OPERATOR, Allowed.ADMIN);
        routes.exception(OpenAiException.class, (e, ctx) -> OpenAiErrors.write(ctx, e));
    }

    /** The generators a {@code /v1} client may use: enabled production text and code generators. */
    private List<GeneratorView> models() {
        return plugins.generators().stream()
                .filter(g -> g.info().modality() == Modality.TEXT || g.info().modality() == Modality.CODE)
                .filter(g -> g.channel() == PluginChannel.PRODUCTION).toList();
    }

    private GeneratorView find(String id) {
        List<GeneratorView> models = models();
        return models.stream().filter(g -> g.pluginId().equals(id)).findFirst().orElseThrow(() ->
                new OpenAiException(404, "invalid_request_error", "model_not_found", "model", "The model '" + id
                        + "' does not exist or is not enabled; available: " + models.stream()
                                .map(GeneratorView::pluginId).toList(), null));
    }

    private static Map<String, Object> model(GeneratorView g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.pluginId());
        m.put("object", "model");
        m.put("created", 0);
        m.put("owned_by", "hallmark");
        return m;
    }

    private void complete(Context ctx, Shape shape) throws IOException {
        var body = Json.body(ctx);
        OpenAiRequest request = shape == Shape.CHAT ? OpenAiRequest.chat(body, this::find)
                : OpenAiRequest.completion(body, this::find);
        GeneratorView model = request.model();
        JobView job = generations.submit(new GenerationService.Submission(model.info().modality(), request.prompt(),
                model.pluginId(), request.parameters(), request.seed(), "default", 0, MAX_WAIT, request.contentType(),
                request.documents()),
                AccessFilter.actor(ctx),
                ctx.header(GenerationRoutes.IDEMPOTENCY_KEY)).job();
        if (request.stream()) {
            stream(ctx, shape, request, job);
            return;
        }
        GovernedCompletion done = await(job.id(), () -> { });
        if (done.kind() == GovernedCompletion.Kind.BLOCKED_INPUT || done.kind() == GovernedCompletion.Kind.FAILED) {
            throw done.error();
        }
        boolean approved = done.kind() == GovernedCompletion.Kind.APPROVED;
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        if (shape == Shape.CHAT) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", approved ? done.text() : null);
            message.put("refusal", null);
            choice.put("message", message);
        } else {
            choice.put("text", approved ? done.text() : "");
        }
        choice.put("logprobs", null);
        choice.put("finish_reason", done.finishReason(request.maxTokens()));
        Map<String, Object> completion = envelope(shape.object, job, model);
        completion.put("choices", List.of(choice));
        completion.put("usage", done.usage());
        completion.put("hallmark", done.extension());
        ctx.json(completion);
    }

    /**
     * Streams a completion: no header goes out until the prompt screens passed (a refused prompt is a plain 400),
     * then the role chunk, keep-alive comments while the job runs, and the approved text or a
     * {@code content_filter} finish.
     */
    private void stream(Context ctx, Shape shape, OpenAiRequest request, JobView job) throws IOException {
        awaitScreen(job.id());
        GovernedCompletion early = GovernedCompletion.read(generations, job.id());
        if (early.kind() == GovernedCompletion.Kind.BLOCKED_INPUT) {
            throw early.error();
        }
        EventStream out = EventStream.open(ctx);
        if (shape == Shape.CHAT) {
            send(out, chunk(shape, job, delta("role", "assistant", "content", ""), null, request));
        }
        GovernedCompletion done = await(job.id(), () -> out.comment("governance in progress"));
        if (done.kind() == GovernedCompletion.Kind.BLOCKED_INPUT || done.kind() == GovernedCompletion.Kind.FAILED) {
            // the header is out: the error travels as OpenAI's in-stream error object, and the stream ends there
            OpenAiException e = done.error();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", e.getMessage());
            error.put("type", e.type());
            error.put("param", e.param());
            error.put("code", e.code());
            send(out, Map.of("error", error, "hallmark", done.extension()));
            return;
        }
        if (done.kind() == GovernedCompletion.Kind.APPROVED) {
            for (String piece : pieces(done.text())) {
                send(out, chunk(shape, job, delta("content", piece), null, request));
            }
        }
        Map<String, Object> last = chunk(shape, job, Map.of(), done.finishReason(request.maxTokens()), request);
        last.put("hallmark", done.extension());
        send(out, last);
        if (request.includeUsage()) {
            Map<String, Object> usage = envelope(shape.chunkObject, job, request.model());
            usage.put("choices", List.of());
            usage.put("usage", done.usage());
            send(out, usage);
        }
        out.data("[DONE]");
    }

    /** The approved text in word-sized pieces (whitespace kept with the word before it). */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split("(?<=\\s)")) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    private static Map<String, Object> delta(String... keyValues) {
        Map<String, Object> delta = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            delta.put(keyValues[i], keyValues[i + 1]);
        }
        return delta;
    }

    private static Map<String, Object> envelope(String object, JobView job, GeneratorView model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", (object.startsWith("chat") ? "chatcmpl-" : "cmpl-") + job.id());
        m.put("object", object);
        m.put("created", job.createdAt().getEpochSecond());
        m.put("model", model.pluginId());
        return m;
    }

    private static Map<String, Object> chunk(Shape shape, JobView job, Map<String, Object> delta,
            @org.jspecify.annotations.Nullable String finish, OpenAiRequest request) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        if (shape == Shape.CHAT) {
            choice.put("delta", delta);
        } else {
            choice.put("text", delta.getOrDefault("content", ""));
        }
        choice.put("logprobs", null);
        choice.put("finish_reason", finish);
        Map<String, Object> c = envelope(shape.chunkObject, job, request.model());
        c.put("choices", List.of(choice));
        if (request.includeUsage()) {
            c.put("usage", null); // OpenAI's convention: usage only in the extra last chunk
        }
        return c;
    }

    private static void send(EventStream out, Object chunk) {
        out.data(Json.write(chunk));
    }

    /** Waits until the prompt screens decided (a {@code screened} event), generation began or the job ended. */
    private void awaitScreen(UUID job) {
        long until = System.nanoTime() + MAX_WAIT.toNanos();
        int after = 0;
        while (System.nanoTime() < until) {
            for (JobEvent e : generations.queue().events(job, after)) {
                after = e.seq();
                if (e.type().equals("screened") && SCREEN_PASSED.contains(String.valueOf(e.data().get("action")))) {
                    return;
                }
                if (e.type().equals("generated") || e.type().equals("output")) {
                    return;
                }
            }
            if (GovernedCompletion.FINAL.contains(generations.queue().get(job).state())) {
                return;
            }
            if (!pause()) {
                return;
            }
        }
    }

    private GovernedCompletion await(UUID job, Runnable whileWaiting) {
        long until = System.nanoTime() + MAX_WAIT.toNanos();
        long lastTick = System.nanoTime();
        while (System.nanoTime() < until && !GovernedCompletion.FINAL.contains(generations.queue().get(job).state())) {
            if (System.nanoTime() - lastTick > KEEP_ALIVE_NANOS) {
                whileWaiting.run();
                lastTick = System.nanoTime();
            }
            if (!pause()) {
                break;
            }
        }
        return GovernedCompletion.read(generations, job);
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The two OpenAI answer shapes: chat ({@code message}/{@code delta}) and legacy text ({@code text}). */
    private enum Shape {
        CHAT("chat.completion", "chat.completion.chunk"),
        TEXT("text_completion", "text_completion");

        final String object;
        final String chunkObject;

        Shape(String object, String chunkObject) {
            this.object = object;
            this.chunkObject = chunkObject;
        }
    }
}
