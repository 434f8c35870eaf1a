package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.governance.policy.DefaultPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j's OpenAI client, unchanged, talking to Hallmark's governed chat-completions API. */
class OpenAiCompatibleTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        GovernedDataDir.prepare(dataDir, work); // every governance check must run, or items fail closed
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        token = LocalCliToken.read(dataDir).orElseThrow();
        KeyPair key = SigningKeys.generate();
        server.platform().plugins().trustKey(SigningKeys.publicPem(key.getPublic()), "test", "test");
        Path archive = Files.copy(PluginsEndToEndTest.exampleArchive(), work.resolve("example-markov-1.0.0.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        PluginArchiveSigner.sign(archive, key.getPrivate(), key.getPublic());
        server.platform().plugins().install(archive, Set.of(), "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static OpenAiChatModel model() {
        return OpenAiChatModel.builder().baseUrl(server.url() + "/v1").apiKey(token).modelName("example-markov")
                .maxTokens(12).timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void anOpenAiClientGetsAGovernedCompletion() {
        String answer = model().chat("The keeper climbed");

        assertThat(answer.split(" ")).hasSize(12);
    }

    @Test
    void streamingDeliversTheApprovedTextInChunks() throws Exception {
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(server.url() + "/v1")
                .apiKey(token).modelName("example-markov").maxTokens(10).timeout(Duration.ofSeconds(60)).build();
        StringBuilder pieces = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        streaming.chat("The keeper", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                pieces.append(partial);
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

        ChatResponse response = done.get(60, TimeUnit.SECONDS);
        assertThat(response.aiMessage().text()).isEqualTo(pieces.toString());
        assertThat(pieces.toString().split(" ")).hasSize(10);
    }

    @Test
    void aCompletionThePolicyRefusesIsAnErrorNamingTheDecision() {
        server.platform().policies().apply("""
                name: refuse-all
                rules:
                  - id: nothing-passes
                    when: { metric: pii.output, op: ">=", value: 0 }
                    action: REJECT
                """, "test");
        try {
            assertThatThrownBy(() -> model().chat("The keeper"))
                    .hasMessageContaining("refused by the governance policy");
        } finally {
            server.platform().policies().apply(DefaultPolicy.text(), "test");
        }
    }

    @Test
    void aRetriedCompletionWithItsIdempotencyKeyReturnsTheFirstGenerationInsteadOfASecond() {
        OpenAiChatModel keyed = OpenAiChatModel.builder().baseUrl(server.url() + "/v1").apiKey(token)
                .modelName("example-markov").maxTokens(12).timeout(Duration.ofSeconds(60))
                .customHeaders(java.util.Map.of("Idempotency-Key", "openai-retry-1")).build();
        dev.langchain4j.model.chat.request.ChatRequest request = dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from("The keeper climbed")).build();

        ChatResponse first = keyed.chat(request);
        ChatResponse retried = keyed.chat(request);

        assertThat(first.id()).startsWith("chatcmpl-");
        assertThat(retried.id()).as("the same job").isEqualTo(first.id());
        assertThat(retried.aiMessage().text()).isEqualTo(first.aiMessage().text());
    }

    @Test
    void anUnknownTokenIsRefused() {
        OpenAiChatModel stranger = OpenAiChatModel.builder().baseUrl(server.url() + "/v1").apiKey("hm_wrong")
                .modelName("example-markov").maxRetries(0).build();

        assertThatThrownBy(() -> stranger.chat("hi")).hasMessageContaining("unknown, expired or revoked");
    }
}
