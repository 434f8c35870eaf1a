package io.hallmark.governance.safety.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The guard client against a real HTTP server speaking the OpenAI chat-completions protocol (canned Llama Guard 3 and
 * Qwen3Guard answers), and every way it fails: HTTP errors, garbage, a timeout, a refused connection. A failure is
 * always {@link GuardUnavailableException} with a reason, and the API key never appears in it.
 */
class GuardModelTest {

    private static final String KEY = "sk-guard-test-0123456789";

    private static GuardSettings settings(URI url, GuardStyle style, Duration timeout) {
        return new GuardSettings(url, "meta-llama/Llama-Guard-3-1B", KEY, style, timeout,
                Set.of(GuardSettings.Input.PROMPT), GuardSettings.Combine.EITHER);
    }

    @Test
    void llamaGuardVerdictsComeBackPerInputWithTemperatureZeroAndBoundedTokens() throws Exception {
        try (CannedChatServer server = new CannedChatServer(text -> text.contains("bomb")
                ? new CannedChatServer.Answer("unsafe\nS1,S9") : new CannedChatServer.Answer("safe"))) {
            GuardModel guard = GuardModel.openAi(settings(server.baseUrl(), GuardStyle.LLAMA_GUARD_3,
                    Duration.ofSeconds(20)));
            List<GuardVerdict> verdicts = guard.judge(List.of(GuardInput.request("prompt", "How do I build a bomb?"),
                    GuardInput.request("documents[0]", "Order 4471: one blue kettle.")));
            assertThat(verdicts).containsExactly(
                    new GuardVerdict("unsafe", true, List.of("S1 Violent Crimes", "S9 Indiscriminate Weapons")),
                    new GuardVerdict("safe", false, List.of()));
            assertThat(server.received()).hasSize(2).allSatisfy(r -> {
                assertThat(r.body().path("model").asText()).isEqualTo("meta-llama/Llama-Guard-3-1B");
                assertThat(r.body().path("temperature").asDouble(-1)).isZero();
                assertThat(r.body().has("max_tokens") ? r.body().path("max_tokens").asInt()
                        : r.body().path("max_completion_tokens").asInt()).isEqualTo(GuardModel.MAX_ANSWER_TOKENS);
                assertThat(r.body().path("messages")).hasSize(1);
                assertThat(r.body().path("messages").get(0).path("role").asText()).isEqualTo("user");
                assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
            });
        }
    }

    @Test
    void qwen3GuardJudgesAnOutputAsTheReplyInItsConversation() throws Exception {
        try (CannedChatServer server = new CannedChatServer(
                text -> new CannedChatServer.Answer("Safety: Unsafe\nCategories: Violent\nRefusal: No"))) {
            GuardModel guard = GuardModel.openAi(settings(server.baseUrl(), GuardStyle.QWEN3GUARD,
                    Duration.ofSeconds(20)));
            assertThat(guard.judge(List.of(GuardInput.output("Tell me a story.", "He hit the man until he died."))))
                    .containsExactly(new GuardVerdict("unsafe", true, List.of("Violent")));
            var messages = server.received().get(0).body().path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
            assertThat(messages.get(0).path("content").asText()).isEqualTo("Tell me a story.");
            assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        }
    }

    @Test
    void anHttpErrorIsUnavailableWithItsReasonAndNeverTheKey() throws Exception {
        try (CannedChatServer server = new CannedChatServer(text -> new CannedChatServer.Status(500,
                "{\"error\":{\"message\":\"engine crashed; your key was " + KEY + "\"}}"))) {
            GuardModel guard = GuardModel.openAi(settings(server.baseUrl(), GuardStyle.LLAMA_GUARD_3,
                    Duration.ofSeconds(20)));
            assertThatThrownBy(() -> guard.judge(List.of(GuardInput.request("prompt", "hello"))))
                    .isInstanceOf(GuardUnavailableException.class)
                    .hasMessageContaining("meta-llama/Llama-Guard-3-1B at http://127.0.0.1:")
                    .hasMessageContaining("engine crashed")
                    .hasMessageNotContaining(KEY);
        }
        try (CannedChatServer server = new CannedChatServer(text -> new CannedChatServer.Status(401,
                "{\"error\":{\"message\":\"invalid api key\"}}"))) {
            GuardModel guard = GuardModel.openAi(settings(server.baseUrl(), GuardStyle.LLAMA_GUARD_3,
                    Duration.ofSeconds(20)));
            assertThatThrownBy(() -> guard.judge(List.of(GuardInput.request("prompt", "hello"))))
                    .isInstanceOf(GuardUnavailableException.class).hasMessageContaining("invalid api key");
        }
    }

    @Test
    void anAnswerOutsideTheFormatIsUnavailableNotAVerdict() throws Exception {
        try (CannedChatServer server = new CannedChatServer(
                text -> new CannedChatServer.Answer("Sure! Here is a poem about the sea."))) {
            GuardModel guard = GuardModel.openAi(settings(server.baseUrl(), GuardStyle.LLAMA_GUARD_3,
                    Duration.ofSeconds(20)));
            assertThatThrownBy(() -> guard.judge(List.of(GuardInput.request("prompt", "hello"))))
                    .isInstanceOf(GuardUnavailableException.class)
                    .hasMessageContaining("could not be read")
                    .hasMessageContaining("not in the llama-guard-3 format")
                    .hasMessageContaining("Sure! Here is a poem");
        }
    }

    @Test
    void aGuardThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
        try (CannedChatServer server = new CannedChatServer(text -> new CannedChatServer.Late(5_000, "safe"))) {
            GuardModel guard = GuardModel.openAi(settings(server.baseUrl(), GuardStyle.LLAMA_GUARD_3,
                    Duration.ofSeconds(1)));
            // cut by whichever comes first: this client's deadline or the HTTP client's own timeout (the same)
            assertThatThrownBy(() -> guard.judge(List.of(GuardInput.request("prompt", "hello"))))
                    .isInstanceOf(GuardUnavailableException.class)
                    .hasMessageContaining("the guard meta-llama/Llama-Guard-3-1B at http://127.0.0.1:")
                    .hasMessageNotContaining(KEY);
        }
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        URI closed;
        try (CannedChatServer server = new CannedChatServer(text -> new CannedChatServer.Answer("safe"))) {
            closed = server.baseUrl();
        }
        GuardModel guard = GuardModel.openAi(settings(closed, GuardStyle.LLAMA_GUARD_3, Duration.ofSeconds(10)));
        assertThatThrownBy(() -> guard.judge(List.of(GuardInput.request("prompt", "hello"))))
                .isInstanceOf(GuardUnavailableException.class).hasMessageContaining("failed")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void theSettingsNameTheGuardForTheRecordAndNeverShowTheKey() {
        GuardSettings s = new GuardSettings(URI.create("https://guard.internal:8443/v1/"), "Qwen/Qwen3Guard-Gen-0.6B",
                KEY, GuardStyle.QWEN3GUARD, Duration.ofSeconds(10), Set.of(GuardSettings.Input.PROMPT,
                        GuardSettings.Input.OUTPUT), GuardSettings.Combine.REPORT);
        assertThat(s.recordName()).isEqualTo("guard:qwen3guard:Qwen/Qwen3Guard-Gen-0.6B@guard.internal:8443");
        assertThat(s.recordSha256()).hasSize(64).isNotEqualTo(new GuardSettings(s.baseUrl(), s.model(), null,
                GuardStyle.PLAIN, s.timeout(), s.inputs(), s.combine()).recordSha256())
                .as("the key is no part of what the guard is").isEqualTo(new GuardSettings(s.baseUrl(), s.model(),
                        "another-key", s.style(), Duration.ofSeconds(3), s.inputs(), s.combine()).recordSha256());
        assertThat(s.toString()).contains("Qwen/Qwen3Guard-Gen-0.6B", "https://guard.internal:8443", "with an API key")
                .doesNotContain(KEY);
        assertThatThrownBy(() -> new GuardSettings(URI.create("http://user:pw@guard/v1"), "m", null,
                GuardStyle.PLAIN, Duration.ofSeconds(1), Set.of(GuardSettings.Input.PROMPT),
                GuardSettings.Combine.EITHER)).hasMessageContaining("credentials").hasMessageNotContaining("pw");
    }
}
