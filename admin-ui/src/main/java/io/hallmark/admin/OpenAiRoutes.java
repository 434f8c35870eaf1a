package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.jobs.JobView;
import io.hallmark.core.plugin.GeneratorView;
import io.hallmark.core.plugin.PluginHost;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The OpenAI-compatible chat-completions API ({@code POST /v1/chat/completions}, {@code GET /v1/models}) backed by
 * Hallmark's generators <b>under governance</b>: every completion is a job that passes the governance stage and the
 * policy in force before a single word reaches the client. Approved (or redacted) text is returned; a rejected
 * completion answers 400 and one waiting for review 409, both in OpenAI's error shape with the Hallmark content id.
 * With {@code "stream": true} the approved text is streamed in chunks once the decision is made, with keep-alive
 * comments while the job runs: streaming unchecked text would defeat governance.
 */
final class OpenAiRoutes {

    private static final Set<String> FINAL = Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD");
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final GenerationService generations;
    private final PluginHost plugins;

    OpenAiRoutes(GenerationService generations, PluginHost plugins) {
        this.generations = generations;
        this.plugins = plugins;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/models", ctx -> ctx.json(Map.of("object", "list", "data", plugins.generators().stream()
                .filter(g -> g.info().modality() == Modality.TEXT || g.info().modality() == Modality.CODE)
                .map(g -> Map.of("id", g.pluginId(), "object", "model", "created", 0, "owned_by", "hallmark"))
                .toList())), Allowed.OPERATOR, Allowed.ADMIN);
        routes.post("/v1/chat/completions", this::complete, Allowed.OPERATOR, Allowed.ADMIN);
    }

    private void complete(Context ctx) throws Exception {
        JsonNode body = Json.body(ctx);
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw InvalidRequestException.of("messages", "Field 'messages' must be a non-empty list of {role, content}");
        }
        StringBuilder prompt = new StringBuilder();
        for (JsonNode m : messages) {
            String content = m.path("content").asText("");
            if (!content.isBlank()) {
                if (!prompt.isEmpty()) {
                    prompt.append("\n\n");
                }
                prompt.append(content);
            }
        }
        GeneratorView generator = pick(body.path("model").asText(""));
        Map<String, Object> parameters = parameters(body, generator.info());
        JobView job = generations.submit(new GenerationService.Submission(generator.info().modality(), prompt.toString(),
                generator.pluginId(), parameters, Json.optionalLong(body, "seed"), "default",
                0, MAX_WAIT), AccessFilter.actor(ctx), ctx.header(GenerationRoutes.IDEMPOTENCY_KEY)).job();
        String id = "chatcmpl-" + job.id();
        if (body.path("stream").asBoolean(false)) {
            stream(ctx, job.id(), id, generator.pluginId());
            return;
        }
        Map<String, Object> result = await(job.id(), () -> { });
        Map<String, Object> content = contentOf(result);
        String status = String.valueOf(content.get("status"));
        if (!"APPROVED".equals(status)) {
            refuse(ctx, job.id(), status, result);
            return;
        }
        String text = String.valueOf(content.get("text"));
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("id", id);
        completion.put("object", "chat.completion");
        completion.put("created", System.currentTimeMillis() / 1000);
        completion.put("model", generator.pluginId());
        completion.put("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                "finish_reason", "stop")));
        completion.put("usage", Map.of("prompt_tokens", 0, "completion_tokens", text.split("\\s+").length,
                "total_tokens", text.split("\\s+").length));
        completion.put("hallmark", Map.of("content_id", String.valueOf(content.get("id")), "job_id", job.id().toString(),
                "decision", decision(result)));
        ctx.json(completion);
    }

    private void stream(Context ctx, UUID job, String id, String model) throws IOException {
        ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        Map<String, Object> result = await(job, () -> write(out, ": governance in progress\n\n"));
        Map<String, Object> content = contentOf(result);
        if (!"APPROVED".equals(String.valueOf(content.get("status")))) {
            write(out, "data: " + Json.write(Map.of("error", error(job, String.valueOf(content.get("status")), result)))
                    + "\n\n");
        } else {
            String text = String.valueOf(content.get("text"));
            for (String piece : text.split("(?<=\\s)")) {
                write(out, "data: " + Json.write(chunk(id, model, Map.of("content", piece), null)) + "\n\n");
            }
            write(out, "data: " + Json.write(chunk(id, model, Map.of(), "stop")) + "\n\n");
        }
        write(out, "data: [DONE]\n\n");
    }

    private static Map<String, Object> chunk(String id, String model, Map<String, Object> delta, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("object", "chat.completion.chunk");
        c.put("created", System.currentTimeMillis() / 1000);
        c.put("model", model);
        c.put("choices", List.of(choice));
        return c;
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> await(UUID job, Runnable whileWaiting) {
        long until = System.nanoTime() + MAX_WAIT.toNanos();
        long lastTick = System.nanoTime();
        while (System.nanoTime() < until) {
            Map<String, Object> view = generations.view(job);
            if (FINAL.contains(((JobView) view.get("job")).state())) {
                return view;
            }
            if (System.nanoTime() - lastTick > 5_000_000_000L) {
                whileWaiting.run();
                lastTick = System.nanoTime();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return generations.view(job);
    }

    private void refuse(Context ctx, UUID job, String status, Map<String, Object> result) {
        int code = "NEEDS_REVIEW".equals(status) ? 409 : "REJECTED".equals(status) ? 400 : 500;
        ctx.status(code).json(Map.of("error", error(job, status, result)));
    }

    private static Map<String, Object> error(UUID job, String status, Map<String, Object> result) {
        JobView view = (JobView) result.get("job");
        String type = switch (status) {
            case "NEEDS_REVIEW" -> "needs_review";
            case "REJECTED" -> "content_policy_violation";
            default -> "generation_failed";
        };
        String message = switch (status) {
            case "NEEDS_REVIEW" -> "The completion was generated but waits for human review under the governance policy";
            case "REJECTED" -> "The completion was refused by the governance policy";
            default -> "The generation did not complete: " + (view.error() == null ? view.state() : view.error());
        };
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message + " (Hallmark content " + view.contentItemId() + ", job " + job + ")");
        error.put("type", type);
        error.put("code", status.toLowerCase(java.util.Locale.ROOT));
        error.put("param", null);
        error.put("decision", decision(result));
        return error;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contentOf(Map<String, Object> result) {
        return (Map<String, Object>) result.getOrDefault("content", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Object decision(Map<String, Object> result) {
        Object report = result.get("report");
        return report instanceof Map<?, ?> r ? ((Map<String, Object>) r).getOrDefault("decision", Map.of()) : Map.of();
    }

    private GeneratorView pick(String model) {
        List<GeneratorView> text = plugins.generators().stream()
                .filter(g -> g.info().modality() == Modality.TEXT || g.info().modality() == Modality.CODE).toList();
        return text.stream().filter(g -> model.isBlank() || model.equals("hallmark") || g.pluginId().equals(model))
                .findFirst().orElseThrow(() -> InvalidRequestException.of("model", "Unknown model '" + model
                        + "'; available: " + text.stream().map(GeneratorView::pluginId).toList()));
    }

    /** OpenAI's sampling fields, passed on under the names the generator declares. */
    private static Map<String, Object> parameters(JsonNode body, GeneratorInfo info) {
        Map<String, Object> p = new HashMap<>();
        var names = info.parameterNames();
        if (body.hasNonNull("max_tokens") || body.hasNonNull("max_completion_tokens")) {
            long max = body.hasNonNull("max_tokens") ? Json.optionalLong(body, "max_tokens")
                    : Json.optionalLong(body, "max_completion_tokens");
            for (String name : List.of("maxTokens", "maxWords")) {
                if (names.contains(name)) {
                    p.put(name, max);
                    break;
                }
            }
        }
        if (body.hasNonNull("temperature") && names.contains("temperature")) {
            p.put("temperature", Json.optionalNumber(body, "temperature", 0, 2));
        }
        if (body.hasNonNull("top_p") && names.contains("topP")) {
            p.put("topP", Json.optionalNumber(body, "top_p", 0, 1));
        }
        if (body.has("stop") && names.contains("stop")) {
            List<String> stops = new java.util.ArrayList<>();
            if (body.get("stop").isArray()) {
                body.get("stop").forEach(s -> stops.add(s.asText()));
            } else {
                stops.add(body.get("stop").asText());
            }
            p.put("stop", stops);
        }
        return p;
    }
}
