package io.hallmark.core.kb;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.core.config.ConfigException;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.LlmJudgeSettings;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.verify.LlmJudgeVerifier;
import io.hallmark.textgen.LlamaChatModel;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.SamplingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The fact check's LLM judge as configured ({@link LlmJudgeSettings}): a {@link LlmJudgeVerifier} over a local Llama
 * model leased from the {@link ModelRuntime} (a {@link LlamaChatModel}), or over an OpenAI-compatible endpoint
 * (LangChain4j's {@link OpenAiChatModel}). Holds the model lease until closed.
 */
public final class LlmJudge implements AutoCloseable {

    /** Who holds the local model's lease. */
    static final String HOLDER = "factcheck:llm-judge";
    /** The most tokens the judge writes: a verdict line and one sentence of reasons. */
    static final int MAX_ANSWER_TOKENS = 64;
    /** Claims of one text judged at once. */
    static final int PARALLELISM = 4;

    private final Verifier verifier;
    private final String description;
    private final @Nullable ModelLease lease;

    private LlmJudge(Verifier verifier, String description, @Nullable ModelLease lease) {
        this.verifier = verifier;
        this.description = description;
        this.lease = lease;
    }

    /**
     * The judge the settings ask for, or empty when it is off.
     *
     * @param models where a local model is leased from
     * @param environment where the API key is read from (by the variable the settings name)
     * @throws ConfigException when the local model cannot be found or loaded, or the API key's variable is not set
     */
    public static Optional<LlmJudge> open(LlmJudgeSettings settings, ModelRuntime models, Map<String, String> environment) {
        return switch (settings.mode()) {
            case OFF -> Optional.empty();
            case LOCAL -> Optional.of(local(settings, models));
            case OPENAI -> Optional.of(openAi(settings, environment));
        };
    }

    /** The verifier that votes beside the others. */
    public Verifier verifier() {
        return verifier;
    }

    /** What the judge is, for logs and listings (never the API key). */
    public String describe() {
        return description;
    }

    private static LlmJudge local(LlmJudgeSettings settings, ModelRuntime models) {
        String name = String.valueOf(settings.model());
        ModelLease lease = null;
        try {
            String format = format(models.directory().resolve(name));
            lease = models.lease(ModelRequirement.of(name, format), HOLDER);
            LlamaGenerator generator = lease.loaded(LlamaGenerator.class).orElseThrow(() -> new ConfigException(
                    "The model runtime did not load '" + name + "' as a Llama model"));
            var tokenizer = generator.model().tokenizer();
            int context = generator.model().config().contextLength();
            ChatModel chat = new LlamaChatModel(generator, name, LlamaChatModel.TRANSCRIPT,
                    SamplingSettings.greedy(MAX_ANSWER_TOKENS));
            // the transcript adds "User: " and "\nAssistant:" around the prompt; keep room for them and the answer
            int maxPrompt = context - MAX_ANSWER_TOKENS - 16;
            if (maxPrompt < 64) {
                throw new ConfigException("The judge's model '" + name + "' has a context of only " + context
                        + " tokens; it needs at least " + (MAX_ANSWER_TOKENS + 80) + " (setting '"
                        + ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.key() + "')");
            }
            LlmJudgeVerifier verifier = new LlmJudgeVerifier(chat, new LlmJudgeVerifier.Options(settings.timeout(),
                    PARALLELISM, p -> tokenizer.encode(p, true).length, maxPrompt))
                    .recordedAs("llm-judge:" + lease.info().id(), lease.info().sha256());
            return new LlmJudge(verifier, "local model " + name + " (" + format + ", context " + context + " tokens)",
                    lease);
        } catch (ConfigException e) {
            closeQuietly(lease);
            throw e;
        } catch (HallmarkException | IllegalStateException | IllegalArgumentException e) {
            closeQuietly(lease);
            throw new ConfigException("The LLM judge's model '" + name + "' (setting '"
                    + ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.key() + "') cannot be used: " + e.getMessage());
        }
    }

    /** The weight format of a model file or folder: gguf, llama2c (.bin) or safetensors (a Hugging Face folder). */
    private static String format(Path path) {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (file.endsWith(".gguf")) {
                return "gguf";
            }
            if (file.endsWith(".bin")) {
                return "llama2c";
            }
            throw new ConfigException("The LLM judge's model file " + path + " (setting '"
                    + ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.key() + "') is neither GGUF (.gguf) nor llama2.c (.bin)");
        }
        if (Files.isRegularFile(path.resolve("config.json"))) {
            return "safetensors";
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf"))
                    ? "gguf" : "llama2c";
        } catch (IOException e) {
            throw new ConfigException("Cannot list the LLM judge's model folder " + path + ": " + e.getMessage());
        }
    }

    private static LlmJudge openAi(LlmJudgeSettings settings, Map<String, String> environment) {
        String key = null;
        if (settings.apiKeyEnv() != null) {
            key = environment.get(settings.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new ConfigException("The environment variable '" + settings.apiKeyEnv() + "' named by setting '"
                        + ConfigKey.FACTCHECK_LLM_JUDGE_API_KEY_ENV.key() + "' is not set; export the endpoint's API "
                        + "key in it, or clear the setting for an endpoint without keys");
            }
        }
        ChatModel chat = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(key)
                .modelName(settings.model())
                .temperature(0.0)
                .maxTokens(MAX_ANSWER_TOKENS)
                .timeout(settings.timeout())
                .maxRetries(0) // the verifier's timeout bounds the call; a retry would outlive it
                .logRequests(false)
                .logResponses(false)
                .build();
        LlmJudgeVerifier verifier = new LlmJudgeVerifier(chat, new LlmJudgeVerifier.Options(settings.timeout(),
                PARALLELISM, String::length, Integer.MAX_VALUE));
        return new LlmJudge(verifier, settings.describe(), null);
    }

    private static void closeQuietly(@Nullable ModelLease lease) {
        if (lease != null) {
            lease.close();
        }
    }

    /** Returns the local model's lease. */
    @Override
    public void close() {
        closeQuietly(lease);
    }
}
