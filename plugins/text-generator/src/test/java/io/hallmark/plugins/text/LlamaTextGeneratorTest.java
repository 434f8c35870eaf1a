package io.hallmark.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.testkit.ContentGeneratorContract;
import io.hallmark.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlamaTextGeneratorTest extends ContentGeneratorContract {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("hallmark.test.cache.dir", "target/test-cache"), "djl")
                    .toAbsolutePath().toString());
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    static Path models() {
        return Path.of(System.getProperty("hallmark.shared.dir", "../../../shared")).resolve("models").toAbsolutePath().normalize();
    }

    @Override
    protected ContentGenerator generator() {
        return new LlamaTextGenerator();
    }

    @Override
    protected GenerationRequest validRequest() {
        return new GenerationRequest(Modality.TEXT, "Once upon a time", Map.of("maxTokens", 24), null);
    }

    @Override
    protected RecordingContext newContext() {
        return RecordingContext.withModels(models());
    }

    @Test
    void greedyGenerationFromTheDefaultModelReproducesTheGoldenContinuation() {
        RecordingContext context = newContext();
        GeneratedContent content = generate(new GenerationRequest(Modality.TEXT, "Once upon a time",
                Map.of("maxTokens", 40, "temperature", 0), 1L), context);

        assertThat(content.text()).startsWith(", there was a little girl named Lily. She loved to play outside in the park.");
        assertThat(String.join("", context.streamed())).isEqualTo(content.text());
        assertThat(content.usage().outputTokens()).isEqualTo(40);
        assertThat(content.usage().promptTokens()).isPositive();
        assertThat(content.metadata()).containsEntry("finishReason", "length");
    }

    @Test
    void theGgufCopyOfTheDefaultModelGivesTheSameGreedyText() {
        GeneratedContent bin = generate(new GenerationRequest(Modality.TEXT, "The dog",
                Map.of("maxTokens", 30, "temperature", 0), 1L), newContext());
        GeneratedContent gguf = generate(new GenerationRequest(Modality.TEXT, "The dog",
                Map.of("maxTokens", 30, "temperature", 0, "format", "gguf"), 1L), newContext());
        assertThat(gguf.text()).isEqualTo(bin.text());
    }

    @Test
    void stopSequencesEndTheText() {
        GeneratedContent content = generate(new GenerationRequest(Modality.TEXT, "Once upon a time",
                Map.of("maxTokens", 60, "temperature", 0, "stop", List.of(".")), 1L), newContext());
        assertThat(content.text()).isEqualTo(", there was a little girl named Lily");
        assertThat(content.metadata()).containsEntry("finishReason", "stop");
    }

    @Test
    void aMissingModelFailsNamingWhereItWasExpected() {
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.TEXT, "Hi",
                Map.of("model", "no-such-model"), 1L), newContext()))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void anUnknownFormatIsRejectedBeforeGeneration() {
        assertThatThrownBy(() -> generator().info().validate(Map.of("format", "pytorch-pickle")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("format");
    }

    @Test
    void aConversationReachesTheModelWithItsRolesAsTheRoleTaggedTranscript() {
        List<Map<String, Object>> messages = List.of(Map.of("role", "system", "content", "You tell stories."),
                Map.of("role", "user", "content", "Once upon a time"));
        String transcript = "System: You tell stories.\n\nUser: Once upon a time\n\nAssistant:";
        GeneratedContent chat = generate(new GenerationRequest(Modality.TEXT, transcript,
                Map.of("maxTokens", 6, "temperature", 0, "messages", messages), 1L), newContext());
        GeneratedContent plain = generate(new GenerationRequest(Modality.TEXT, transcript,
                Map.of("maxTokens", 6, "temperature", 0), 1L), newContext());

        assertThat(LlamaTextGenerator.prompt(new GenerationRequest(Modality.TEXT, "ignored",
                Map.of("messages", messages), null))).isEqualTo(transcript);
        assertThat(chat.text()).isEqualTo(plain.text());
        assertThat(chat.usage().promptTokens()).isEqualTo(plain.usage().promptTokens()).isGreaterThan(10);
    }

    @Test
    void aConversationWithARoleTheModelCannotTakeIsRefused() {
        assertThatThrownBy(() -> new LlamaTextGenerator().info().validate(Map.of("messages",
                List.of(Map.of("role", "tool", "content", "42"))))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("messages");
    }
}
