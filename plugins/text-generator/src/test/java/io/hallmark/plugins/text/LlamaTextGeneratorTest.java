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
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(chat.metadata()).containsEntry("promptFormat", "transcript").doesNotContainKey("renderedPrompt");
        assertThat(plain.metadata()).containsEntry("promptFormat", "text");
    }

    @TempDir
    Path temp;

    private RecordingContext chatModel(String template) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(temp.resolve("scripted-chatml"));
        ScriptedChatModel.write(folder.resolve("scripted-chatml.gguf"), template);
        return RecordingContext.withModels(temp);
    }

    private static final List<Map<String, Object>> CONVERSATION = List.of(
            Map.of("role", "system", "content", "You greet people."), Map.of("role", "user", "content", "Hello"),
            Map.of("role", "assistant", "content", "Hello!"), Map.of("role", "user", "content", "Greet me"));

    private static final String TRANSCRIPT = "System: You greet people.\n\nUser: Hello\n\nAssistant: Hello!\n\n"
            + "User: Greet me\n\nAssistant:";

    @Test
    void aConversationIsRenderedWithTheModelsChatTemplateAndStopsAtItsEndOfTurn() throws Exception {
        RecordingContext context = chatModel(ScriptedChatModel.TEMPLATE);
        GeneratedContent content = generate(new GenerationRequest(Modality.TEXT, TRANSCRIPT, Map.of("maxTokens", 40,
                "temperature", 0, "model", "scripted-chatml", "format", "gguf", "messages", CONVERSATION), 1L), context);

        String rendered = "<|im_start|>system\nYou greet people.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n"
                + "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nGreet me<|im_end|>\n<|im_start|>assistant\n";
        var template = io.hallmark.textgen.ChatTemplate.of(io.hallmark.textgen.GgufLoader.load(
                temp.resolve("scripted-chatml/scripted-chatml.gguf")).tokenizer()).orElseThrow();
        assertThat(content.text()).isEqualTo(ScriptedChatModel.REPLY);
        assertThat(String.join("", context.streamed())).isEqualTo(ScriptedChatModel.REPLY);
        assertThat(content.metadata()).containsEntry("finishReason", "eos").containsEntry("promptFormat", "chat-template")
                .containsEntry("renderedPrompt", rendered).containsEntry("runtime", "plugin");
        assertThat(content.usage().outputTokens()).as("the end-of-turn token ends the text and is not counted")
                .isEqualTo(ScriptedChatModel.REPLY.length());
        assertThat(content.usage().promptTokens()).isEqualTo(template.encode(CONVERSATION.stream().map(m ->
                new io.hallmark.textgen.ChatTemplate.Message((String) m.get("role"), (String) m.get("content"))).toList(),
                true).length).as("each control token one id, every other byte one id, no BOS")
                .isEqualTo(rendered.length() - 5 * "<|im_start|>".length() - 4 * "<|im_end|>".length() + 9);
    }

    @Test
    void aPlainPromptToAChatModelIsContinuedAsText() throws Exception {
        GeneratedContent content = generate(new GenerationRequest(Modality.TEXT, "Greet me", Map.of("maxTokens", 5,
                "temperature", 0, "model", "scripted-chatml", "format", "gguf"), 1L), chatModel(ScriptedChatModel.TEMPLATE));

        assertThat(content.metadata()).containsEntry("promptFormat", "text").doesNotContainKey("renderedPrompt");
        assertThat(content.usage().promptTokens()).isEqualTo("Greet me".length()); // one token per byte, no BOS
        assertThat(content.metadata()).containsEntry("finishReason", "eos"); // "e" is no reply byte: end of turn at once
        assertThat(content.text()).isEmpty();
    }

    @Test
    void aConversationTheTemplateRefusesIsAnInvalidRequestNamingMessages() throws Exception {
        String userOnly = "{% for message in messages %}{% if message['role'] == 'system' %}"
                + "{{ raise_exception('System role not supported') }}{% endif %}"
                + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}";
        RecordingContext context = chatModel(userOnly);
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.TEXT, TRANSCRIPT, Map.of("maxTokens", 5,
                "model", "scripted-chatml", "format", "gguf", "messages", CONVERSATION), 1L), context))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("System role not supported");
        assertThat(context.openLeases()).isZero();
    }

    @Test
    void thePluginSettingsChooseTheModelARequestLeavesAtItsDefault() throws Exception {
        RecordingContext context = chatModel(ScriptedChatModel.TEMPLATE).withConfig(Map.of("model", "scripted-chatml",
                "format", "gguf"));
        GeneratedContent content = generate(new GenerationRequest(Modality.TEXT, TRANSCRIPT, Map.of("maxTokens", 40,
                "temperature", 0, "messages", CONVERSATION), 1L), context);

        assertThat(content.model().id()).isEqualTo("scripted-chatml");
        assertThat(content.text()).isEqualTo(ScriptedChatModel.REPLY);
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.TEXT, "Hi", Map.of("maxTokens", 5), 1L),
                chatModel(ScriptedChatModel.TEMPLATE).withConfig(Map.of("model", "scripted-chatml", "format", "onnx"))))
                .isInstanceOf(GenerationFailedException.class).hasMessageContaining("format");
    }

    @Test
    void aConversationWithARoleTheModelCannotTakeIsRefused() {
        assertThatThrownBy(() -> new LlamaTextGenerator().info().validate(Map.of("messages",
                List.of(Map.of("role", "tool", "content", "42"))))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("messages");
    }
}
