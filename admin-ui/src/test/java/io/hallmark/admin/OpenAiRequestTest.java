package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.ChatTurn;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterSpec;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.plugin.GeneratorView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OpenAiRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final GeneratorView CHAT = new GeneratorView("chat", "1", new GeneratorInfo("chat", "a chat model",
            Modality.TEXT, Set.of(), List.of(ParameterSpec.integer("maxTokens", "", 16, 1, 100),
                    ParameterSpec.number("temperature", "", 1, 0, 2), ParameterSpec.stringList("stop", "", 4),
                    ParameterSpec.messages("messages", "", 50)), List.of()), PluginChannel.PRODUCTION);
    private static final GeneratorView WORDS = new GeneratorView("words", "1", new GeneratorInfo("words", "a word chain",
            Modality.TEXT, Set.of(), List.of(ParameterSpec.integer("maxWords", "", 16, 1, 100)), List.of()),
            PluginChannel.PRODUCTION);
    private static final Function<String, GeneratorView> MODELS = id -> switch (id) {
        case "chat" -> CHAT;
        case "words" -> WORDS;
        default -> throw new OpenAiException(404, "invalid_request_error", "model_not_found", "model", id, null);
    };

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void rolesAndTextPartsBecomeAConversationForAModelThatTakesOne() throws Exception {
        OpenAiRequest r = OpenAiRequest.chat(body("""
                {"model": "chat", "max_tokens": 9, "temperature": 0, "stop": "END", "seed": 4,
                 "messages": [{"role": "developer", "content": "Be brief."},
                              {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}]}"""),
                MODELS);

        List<ChatTurn> turns = List.of(new ChatTurn("system", "Be brief."), new ChatTurn("user", "a\nb"));
        assertThat(r.messages()).isEqualTo(turns);
        assertThat(r.prompt()).isEqualTo(ChatTurn.transcript(turns));
        assertThat(r.parameters()).containsEntry("maxTokens", 9L).containsEntry("temperature", 0.0)
                .containsEntry("stop", List.of("END")).containsEntry("messages", turns.stream().map(ChatTurn::toMap).toList());
        assertThat(r.seed()).isEqualTo(4L);
        assertThat(r.maxTokens()).isEqualTo(9L);
        assertThat(r.stream()).isFalse();
    }

    @Test
    void aModelWithoutAConversationParameterGetsTheTranscriptAndItsOwnLengthLimit() throws Exception {
        OpenAiRequest r = OpenAiRequest.chat(body("{\"model\":\"words\",\"max_completion_tokens\":5,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                MODELS);

        assertThat(r.parameters()).isEqualTo(Map.of("maxWords", 5L));
        assertThat(r.prompt()).isEqualTo("hi");
        assertThat(r.includeUsage()).isTrue();
    }

    @Test
    void theLegacyCompletionDefaultsTo16TokensAsOpenAiDocuments() throws Exception {
        OpenAiRequest r = OpenAiRequest.completion(body("{\"model\":\"chat\",\"prompt\":[\"Once\"]}"), MODELS);

        assertThat(r.maxTokens()).isEqualTo(16L);
        assertThat(r.prompt()).isEqualTo("Once");
        assertThat(r.parameters()).as("a text completion is continued as it is, never through a chat template")
                .doesNotContainKey("messages");
    }

    @Test
    void neutralValuesAndNullsOfUnsupportedFieldsAreAccepted() throws Exception {
        OpenAiRequest r = OpenAiRequest.chat(body("{\"model\":\"chat\",\"n\":1,\"logprobs\":false,\"tools\":null,"
                + "\"presence_penalty\":0,\"response_format\":{\"type\":\"text\"},\"user\":\"u\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"name\":null}]}"), MODELS);

        assertThat(r.prompt()).isEqualTo("hi");
    }

    @Test
    void everyUnsupportedFieldIsRefusedByName() {
        Map<String, String> cases = Map.of(
                "\"n\":2", "n",
                "\"tools\":[]", "tools",
                "\"logit_bias\":{\"1\":2}", "logit_bias",
                "\"logprobs\":true", "logprobs",
                "\"response_format\":{\"type\":\"json_object\"}", "response_format",
                "\"top_p\":0.5", "top_p", // the chat model declares no topP
                "\"messages\":[{\"role\":\"tool\",\"content\":\"4\"}]", "messages[0].role",
                "\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"name\":\"bob\"}]", "messages[0].name",
                "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]", "messages[0].content[0].type");
        cases.forEach((field, param) -> {
            String json = field.startsWith("\"messages\"") ? "{\"model\":\"chat\"," + field + "}"
                    : "{\"model\":\"chat\"," + field + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            assertThatThrownBy(() -> OpenAiRequest.chat(body(json), MODELS)).as(json)
                    .isInstanceOfSatisfying(OpenAiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("unsupported_parameter");
                        assertThat(e.param()).isEqualTo(param);
                    });
        });
    }

    @Test
    void badValuesAreInvalidRequestsNamingTheField() {
        assertThatThrownBy(() -> OpenAiRequest.chat(body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                MODELS)).isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.param()).isEqualTo("model"));
        assertThatThrownBy(() -> OpenAiRequest.chat(body("{\"model\":\"chat\",\"messages\":[]}"), MODELS))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.param()).isEqualTo("messages"));
        assertThatThrownBy(() -> OpenAiRequest.chat(body("{\"model\":\"chat\",\"max_tokens\":0,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), MODELS))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.code()).isEqualTo("invalid_value"));
        assertThatThrownBy(() -> OpenAiRequest.chat(body("{\"model\":\"chat\",\"stream_options\":{},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), MODELS))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.param()).isEqualTo("stream_options"));
        assertThatThrownBy(() -> OpenAiRequest.chat(body("{\"model\":\"gpt-4o\",\"messages\":[]}"), MODELS))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.code()).isEqualTo("model_not_found"));
    }

    @Test
    void theHallmarkExtensionDeclaresTheContentTypeAndRefusesAnythingElseByName() throws Exception {
        OpenAiRequest story = OpenAiRequest.chat(body("{\"model\":\"chat\",\"hallmark\":{\"content_type\":\"story\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"a story\"}]}"), MODELS);
        OpenAiRequest plain = OpenAiRequest.completion(body("{\"model\":\"chat\",\"prompt\":\"Once\"}"), MODELS);

        assertThat(story.contentType()).isEqualTo(io.hallmark.governance.policy.ContentType.STORY);
        assertThat(plain.contentType()).isNull();
        assertThatThrownBy(() -> OpenAiRequest.completion(body("{\"model\":\"chat\",\"prompt\":\"x\","
                + "\"hallmark\":{\"content_type\":\"poem\"}}"), MODELS))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.param()).isEqualTo("hallmark.content_type");
                    assertThat(e.getMessage()).contains("poem").contains("kb-answer");
                });
        assertThatThrownBy(() -> OpenAiRequest.completion(body("{\"model\":\"chat\",\"prompt\":\"x\","
                + "\"hallmark\":{\"policy\":\"lenient\"}}"), MODELS))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.param()).isEqualTo("hallmark.policy"));
    }

    @Test
    void documentsInTheHallmarkObjectTravelBesideTheTranscriptNotAsAConversation() throws Exception {
        OpenAiRequest request = OpenAiRequest.chat(body("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Summarize the e-mail.\"}],\"hallmark\":{\"documents\":[{\"name\":\"mail\","
                + "\"text\":\"Hi, the kettle arrived broken.\"}]}}"), MODELS);

        assertThat(request.documents()).containsExactly(new io.hallmark.api.InputDocument("mail",
                "Hi, the kettle arrived broken."));
        assertThat(request.prompt()).isEqualTo("Summarize the e-mail.");
        assertThat(request.parameters()).doesNotContainKey("messages");
        assertThat(OpenAiRequest.chat(body("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"hi\"}]}"), MODELS).documents()).isEmpty();
        assertThatThrownBy(() -> OpenAiRequest.completion(body("{\"model\":\"chat\",\"prompt\":\"x\","
                + "\"hallmark\":{\"documents\":[{\"name\":\"a\",\"text\":\"one\"},{\"name\":\"a\",\"text\":\"two\"}]}}"),
                MODELS)).isInstanceOfSatisfying(OpenAiException.class,
                        e -> assertThat(e.param()).startsWith("hallmark.documents"));
    }
}
