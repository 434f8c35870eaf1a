package io.hallmark.plugins.text;

import io.hallmark.api.Capability;
import io.hallmark.api.ChatTurn;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.Usage;
import io.hallmark.textgen.Completion;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.SamplingSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/**
 * Generates text with a Llama-family model from the host's model directory (default {@code stories260k}, a
 * TinyStories model). The model is leased from the host's model runtime, which loads it once for every plugin
 * and batches concurrent requests into shared decode steps. A conversation ({@code messages}) reaches a model with a
 * GGUF chat template through that template ({@link ModelPrompt}); the settings' {@code model} and {@code format}
 * ({@code <plugins>/hallmark-text.properties}) choose the model for requests that leave both at their defaults.
 */
@Extension
public final class LlamaTextGenerator implements ContentGenerator {

    /** The default model and the SHA-256 of its weights. */
    public static final ModelRequirement DEFAULT_MODEL = new ModelRequirement("stories260k", "llama2c",
            "b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696", false);

    static final Set<String> FORMATS = Set.of("llama2c", "gguf", "safetensors");

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("maxTokens", "the most tokens to generate", 128, 1, 4096),
            ParameterSpec.number("temperature", "0 for greedy decoding; higher is more random", 0.8, 0, 2),
            ParameterSpec.integer("topK", "sample among the k most likely tokens (0: all)", 40, 0, 1000),
            ParameterSpec.number("topP", "sample among the most likely tokens that add up to this probability", 0.95, 0.01, 1),
            ParameterSpec.number("repetitionPenalty", "penalise tokens already seen (1: off)", 1.0, 0.5, 2),
            ParameterSpec.stringList("stop", "stop sequences: the text ends before the first one", 8),
            ParameterSpec.string("model", "model name in the model directory", DEFAULT_MODEL.name(), 200),
            ParameterSpec.choice("format", "weight format of the model", "llama2c", FORMATS),
            ParameterSpec.messages("messages", "a conversation with its roles (OpenAI-compatible chat), rendered with "
                    + "the model's chat template when its GGUF file has one, else as its role-tagged transcript", 256));

    private static final GeneratorInfo INFO = new GeneratorInfo("Llama text generator",
            "Writes text with a Llama-family model (llama2.c, GGUF or Hugging Face safetensors weights) run by the host's model runtime; "
                    + "the default model writes short children's stories.",
            Modality.TEXT, Set.of(Capability.STREAMING, Capability.DETERMINISTIC_SEED, Capability.CANCELLATION),
            PARAMETERS, List.of(DEFAULT_MODEL));

    @Override
    public GeneratorInfo info() {
        return INFO;
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        Result r = run(request, ModelPrompt.of(request), context, context::stream);
        return GeneratedContent.ofText(Modality.TEXT, r.completion().text(), "text/plain", r.lease(), r.seed())
                .withUsage(Usage.tokens(r.completion().promptTokens(), r.completion().outputTokens()))
                .withDuration(r.duration())
                .withMetadata(r.metadata());
    }

    /**
     * The text a model without a chat template is given: the request's conversation as its role-tagged transcript
     * ({@link ChatTurn#transcript}) when it carries one, else the prompt.
     */
    static String prompt(GenerationRequest request) {
        return ModelPrompt.of(request).text();
    }

    /** What one run produced. */
    record Result(Completion completion, io.hallmark.api.ModelInfo lease, long seed, Duration duration,
            Map<String, Object> metadata) {}

    /** Leases the model, generates a continuation of {@code prompt} and returns it; shared with other generators. */
    static Result run(GenerationRequest request, String prompt, GeneratorContext context,
            io.hallmark.textgen.TokenSink sink) {
        return run(request, ModelPrompt.text(prompt), context, sink);
    }

    /**
     * Leases the model and generates from {@code prompt}: a conversation with the model's chat template (its token ids,
     * stopping at its end-of-turn tokens) when the model has one, else the prompt's text.
     */
    static Result run(GenerationRequest request, ModelPrompt prompt, GeneratorContext context,
            io.hallmark.textgen.TokenSink sink) {
        context.checkCancelled();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        @SuppressWarnings("unchecked")
        List<String> stop = request.parameters().containsKey("stop") ? (List<String>) request.parameters().get("stop") : List.of();
        SamplingSettings settings = new SamplingSettings(
                Math.toIntExact(request.parameter("maxTokens", Long.class)),
                request.parameter("temperature", Double.class),
                Math.toIntExact(request.parameter("topK", Long.class)),
                request.parameter("topP", Double.class),
                request.parameter("repetitionPenalty", Double.class),
                stop, seed);
        String requestedName = request.parameter("model", String.class);
        String requestedFormat = request.parameter("format", String.class);
        Map<String, String> config = context.config();
        // the administrator's default model (<plugins>/<plugin id>.properties: model=, format=) serves requests that
        // leave model and format at their declared defaults, such as the /v1 API's, which names the plugin
        boolean configured = requestedName.equals(DEFAULT_MODEL.name()) && requestedFormat.equals(DEFAULT_MODEL.format())
                && config.containsKey("model");
        String name = configured ? config.get("model") : requestedName;
        String format = configured ? config.getOrDefault("format", "gguf") : requestedFormat;
        if (configured && (!FORMATS.contains(format) || name.isBlank())) {
            throw new GenerationFailedException("The plugin settings name model '" + name + "' in format '" + format
                    + "'; the model must be named and the format one of " + new java.util.TreeSet<>(FORMATS), false, null);
        }
        ModelRequirement requirement = name.equals(DEFAULT_MODEL.name()) && format.equals(DEFAULT_MODEL.format())
                ? DEFAULT_MODEL : ModelRequirement.of(name, format);
        long start = System.nanoTime();
        try (ModelLease lease = context.leaseModel(requirement)) {
            java.util.Optional<LlamaGenerator> hosted = lease.loaded(LlamaGenerator.class);
            LlamaGenerator generator = hosted.orElseGet(() -> StandaloneModels.generator(lease.path(), format));
            ModelPrompt.Encoded encoded = prompt.encode(generator.model().tokenizer());
            Completion completion;
            try {
                completion = generator.generate(encoded.tokens(), settings, sink, context::isCancelled);
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("prompt", e.getMessage());
            } catch (IllegalStateException e) {
                throw new GenerationFailedException("Generation with model '" + name + "' failed: " + e.getMessage(), true, e);
            }
            if (completion.finish() == Completion.Finish.CANCELLED) {
                context.checkCancelled();
                throw new GenerationCancelledException("Generation was cancelled after " + completion.outputTokens() + " tokens");
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("finishReason", completion.finish().name().toLowerCase(java.util.Locale.ROOT));
            metadata.put("modelFormat", format);
            metadata.put("promptFormat", encoded.format());
            if (encoded.rendered() != null) {
                metadata.put("renderedPrompt", encoded.rendered()); // the conversation as the chat template wrote it
            }
            metadata.put("runtime", hosted.isPresent() ? "host" : "plugin");
            metadata.put("temperature", settings.temperature());
            if (completion.decodeNanos() > 0 && completion.outputTokens() > 1) {
                metadata.put("decodeTokensPerSecond",
                        Math.round((completion.outputTokens() - 1) * 1e10 / completion.decodeNanos()) / 10.0);
            }
            return new Result(completion, lease.info(), seed, duration, metadata);
        }
    }
}
