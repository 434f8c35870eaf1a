package io.hallmark.plugins.served;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import io.hallmark.api.Capability;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pf4j.Extension;

/**
 * Generates text on an OpenAI-compatible chat-completions endpoint. The endpoint is an administrator's choice, set in
 * the plugin's settings file {@code <data-dir>/plugins/served-model.properties}:
 *
 * <pre>
 * base-url=http://gpu-node:8000/v1
 * api-key=...            # optional
 * model=meta-llama/Llama-3.1-8B-Instruct
 * timeout-seconds=120    # optional
 * </pre>
 *
 * The output still passes this platform's governance stage like any other generator's.
 */
@Extension
public final class ServedModelGenerator implements ContentGenerator {

    private static final GeneratorInfo INFO = new GeneratorInfo("Served model",
            "Text from an OpenAI-compatible endpoint (vLLM, DJL Serving, llama.cpp server, another Hallmark)",
            Modality.TEXT, Set.of(Capability.STREAMING, Capability.CANCELLATION),
            List.of(ParameterSpec.integer("maxTokens", "tokens to generate at most", 256, 1, 8_192),
                    ParameterSpec.number("temperature", "sampling temperature", 0.7, 0, 2)),
            List.of());

    @Override
    public GeneratorInfo info() {
        return INFO;
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        Map<String, String> config = context.config();
        String baseUrl = config.get("base-url");
        String model = config.get("model");
        if (baseUrl == null || model == null) {
            throw new GenerationFailedException("The served-model plugin is not configured: set base-url and model with "
                    + "`hallmark plugins settings served-model --set base-url=URL --set model=NAME`");
        }
        Duration timeout = Duration.ofSeconds(Long.parseLong(config.getOrDefault("timeout-seconds", "120")));
        long started = System.nanoTime();
        OpenAiStreamingChatModel client = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(config.getOrDefault("api-key", "none"))
                .modelName(model)
                .maxTokens(request.parameter("maxTokens", Long.class).intValue())
                .temperature(request.parameter("temperature", Double.class))
                .timeout(timeout)
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        client.chat(ChatRequest.builder().messages(UserMessage.from(request.prompt())).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String partial) {
                        if (!context.isCancelled()) {
                            text.append(partial);
                            context.stream(partial);
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        ChatResponse response = await(done, context);
        String answer = response.aiMessage() != null && response.aiMessage().text() != null
                ? response.aiMessage().text() : text.toString();
        if (answer.isBlank()) {
            throw new GenerationFailedException("The endpoint " + baseUrl + " returned an empty completion", true, null);
        }
        long out = response.tokenUsage() == null || response.tokenUsage().outputTokenCount() == null ? 0
                : response.tokenUsage().outputTokenCount();
        long in = response.tokenUsage() == null || response.tokenUsage().inputTokenCount() == null ? 0
                : response.tokenUsage().inputTokenCount();
        return GeneratedContent.ofText(Modality.TEXT, answer, "text/plain", null, request.seed())
                .withUsage(Usage.tokens(in, out))
                .withDuration(Duration.ofNanos(System.nanoTime() - started))
                .withMetadata(Map.of("servedModel", model, "endpoint", baseUrl));
    }

    private static ChatResponse await(CompletableFuture<ChatResponse> done, GeneratorContext context) {
        while (true) {
            context.checkCancelled();
            try {
                return done.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (Instant.now().isAfter(context.deadline())) {
                    throw new GenerationCancelledException("The endpoint did not answer before the deadline");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationCancelledException("Interrupted");
            } catch (ExecutionException e) {
                throw new GenerationFailedException("The endpoint failed: " + e.getCause().getMessage(), true, e.getCause());
            }
        }
    }
}
