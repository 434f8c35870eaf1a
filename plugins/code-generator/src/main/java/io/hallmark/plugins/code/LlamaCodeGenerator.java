package io.hallmark.plugins.code;

import io.hallmark.api.Capability;
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
import io.hallmark.textgen.GgufLoader;
import io.hallmark.textgen.Llama2cLoader;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.LlamaModel;
import io.hallmark.textgen.ModelFormatException;
import io.hallmark.textgen.Precision;
import io.hallmark.textgen.SamplingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/**
 * Generates code with a Llama-family code model from the host's model directory, then post-processes it for
 * review: the code is extracted from the output, its language detected, Java checked for syntax errors, and
 * findings (secrets, dangerous APIs, SQL built from strings, licence headers) go into the content's metadata.
 *
 * <p>Meant for Llama-architecture code models in GGUF or llama2.c form (for instance a Code Llama or a
 * TinyLlama-based code model converted to GGUF F16/Q8_0); no code model is available offline here, so the default
 * model is stories260k, which exercises the mechanics only.
 */
@Extension
public final class LlamaCodeGenerator implements ContentGenerator {

    private static final Map<String, LlamaGenerator> STANDALONE = new ConcurrentHashMap<>();

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("maxTokens", "the most tokens to generate", 256, 1, 4096),
            ParameterSpec.number("temperature", "0 for greedy decoding; code usually wants little randomness", 0.2, 0, 2),
            ParameterSpec.integer("topK", "sample among the k most likely tokens (0: all)", 40, 0, 1000),
            ParameterSpec.number("topP", "sample among the most likely tokens that add up to this probability", 0.95, 0.01, 1),
            ParameterSpec.number("repetitionPenalty", "penalise tokens already seen (1: off)", 1.0, 0.5, 2),
            ParameterSpec.choice("language", "the language wanted, or auto to detect it from the output", "auto",
                    Set.of("auto", "java", "python", "javascript", "sql", "shell")),
            ParameterSpec.string("model", "model name in the model directory", "stories260k", 200),
            ParameterSpec.choice("format", "weight format of the model", "llama2c", Set.of("llama2c", "gguf", "safetensors")));

    private static final GeneratorInfo INFO = new GeneratorInfo("Llama code generator",
            "Writes code with a Llama-family code model run by the host's model runtime, extracts it, detects its "
                    + "language, checks Java syntax and flags secrets, dangerous APIs, SQL built from strings and "
                    + "licence headers for review.",
            Modality.CODE, Set.of(Capability.STREAMING, Capability.DETERMINISTIC_SEED, Capability.CANCELLATION),
            PARAMETERS, List.of(ModelRequirement.of("stories260k", "llama2c")));

    @Override
    public GeneratorInfo info() {
        return INFO;
    }

    /** The prompt a base code model continues: a fenced block opened with a comment stating the task. */
    static String codePrompt(String task, String language) {
        String lang = language.equals("auto") ? "" : language;
        String comment = switch (language) {
            case "python", "shell" -> "# ";
            case "sql" -> "-- ";
            default -> "// ";
        };
        return "```" + lang + "\n" + comment + task.strip().replace("\n", "\n" + comment) + "\n";
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        context.checkCancelled();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        String language = request.parameter("language", String.class);
        SamplingSettings settings = new SamplingSettings(Math.toIntExact(request.parameter("maxTokens", Long.class)),
                request.parameter("temperature", Double.class), Math.toIntExact(request.parameter("topK", Long.class)),
                request.parameter("topP", Double.class), request.parameter("repetitionPenalty", Double.class),
                List.of("\n```"), seed);
        String name = request.parameter("model", String.class);
        String format = request.parameter("format", String.class);
        long start = System.nanoTime();
        try (ModelLease lease = context.leaseModel(ModelRequirement.of(name, format))) {
            LlamaGenerator generator = lease.loaded(LlamaGenerator.class).orElseGet(() -> standalone(lease.path(), format));
            Completion completion;
            try {
                completion = generator.generate(codePrompt(request.prompt(), language), true, settings, context::stream,
                        context::isCancelled);
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("prompt", e.getMessage());
            }
            if (completion.finish() == Completion.Finish.CANCELLED) {
                context.checkCancelled();
                throw new GenerationCancelledException("Generation was cancelled after " + completion.outputTokens() + " tokens");
            }
            String raw = completion.text();
            CodeExtractor.Extracted extracted = CodeExtractor.extract(raw);
            String detected = LanguageDetector.detect(extracted.code());
            String effective = !language.equals("auto") ? language
                    : LanguageDetector.LANGUAGES.contains(extracted.fenceLanguage()) ? extracted.fenceLanguage() : detected;
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("language", effective);
            metadata.put("detectedLanguage", detected);
            metadata.put("extractedCode", extracted.code());
            metadata.put("finishReason", completion.finish().name().toLowerCase(Locale.ROOT));
            if (effective.equals("java")) {
                List<JavaSyntaxChecker.SyntaxError> errors = JavaSyntaxChecker.check(extracted.code());
                List<Map<String, Object>> list = new ArrayList<>();
                for (JavaSyntaxChecker.SyntaxError e : errors) {
                    list.add(Map.of("line", e.line(), "column", e.column(), "message", e.message()));
                }
                metadata.put("syntax", Map.of("checked", true, "valid", errors.isEmpty(), "errors", list));
            } else {
                metadata.put("syntax", Map.of("checked", false, "reason", "syntax checks cover Java only"));
            }
            metadata.put("findings", CodeFindings.scan(extracted.code()).stream().map(CodeFindings.Finding::toMap).toList());
            // the streamed pieces add up to the model's output, so the content's text is that output
            return GeneratedContent.ofText(Modality.CODE, raw.isEmpty() ? " " : raw, mediaType(effective), lease.info(), seed)
                    .withUsage(Usage.tokens(completion.promptTokens(), completion.outputTokens()))
                    .withDuration(Duration.ofNanos(System.nanoTime() - start))
                    .withMetadata(metadata);
        }
    }

    static String mediaType(String language) {
        return switch (language) {
            case "java" -> "text/x-java";
            case "python" -> "text/x-python";
            case "javascript" -> "text/javascript";
            case "sql" -> "application/sql";
            case "shell" -> "text/x-shellscript";
            default -> "text/plain";
        };
    }

    /** For a host that lends only files (tests): loads the model in the plugin, once per JVM. */
    private static LlamaGenerator standalone(Path path, String format) {
        return STANDALONE.computeIfAbsent(path.toAbsolutePath() + "#" + format, k -> {
            if (format.equals("safetensors")) {
                try {
                    return new LlamaGenerator(LlamaModel.load(io.hallmark.textgen.SafetensorsLoader.load(path), "PyTorch",
                            ai.djl.Device.cpu(), Precision.FLOAT32), 8);
                } catch (ModelFormatException e) {
                    throw new GenerationFailedException("Model at " + path + " cannot be loaded: " + e.getMessage(), false, e);
                }
            }
            try (var files = Files.list(Files.isDirectory(path) ? path : path.getParent())) {
                List<Path> all = files.sorted().toList();
                Path tokenizer = all.stream().filter(p -> p.getFileName().toString().startsWith("tok")).findFirst().orElse(null);
                Path weights = Files.isRegularFile(path) ? path : all.stream().filter(p -> p.getFileName().toString()
                        .endsWith(format.equals("gguf") ? ".gguf" : ".bin") && !p.equals(tokenizer)).findFirst()
                        .orElseThrow(() -> new ModelFormatException("No " + format + " weights in " + path));
                var checkpoint = format.equals("gguf") ? GgufLoader.load(weights) : Llama2cLoader.load(weights, tokenizer);
                return new LlamaGenerator(LlamaModel.load(checkpoint, "PyTorch", ai.djl.Device.cpu(), Precision.FLOAT32), 8);
            } catch (java.io.IOException | ModelFormatException e) {
                throw new GenerationFailedException("Model at " + path + " cannot be loaded: " + e.getMessage(), false, e);
            }
        });
    }
}
