package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.core.config.ConfigException;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.LlmJudgeSettings;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.governance.factcheck.Agreement;
import io.hallmark.governance.factcheck.ClaimCheck;
import io.hallmark.governance.factcheck.FactCheckAssessor;
import io.hallmark.governance.factcheck.FactCheckReport;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.factcheck.verify.LlmJudgeVerifier;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.textgen.LlamaChatModel;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.SamplingSettings;
import io.hallmark.textgen.Tokenizer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM judge as configured, on real models and real transports: the tiny Llama in-process ({@code local}), and
 * LangChain4j's OpenAI client against an OpenAI-compatible endpoint on loopback that runs the same tiny Llama
 * ({@code openai}). The tiny model's verdicts are not meant to be right; what is checked is the plumbing: a judge vote
 * on every claim, with a rationale, counted in the agreement and kept in the report; and a dead endpoint turns into
 * abstentions, not a failed check.
 */
class LlmJudgeTest {

    private static final String MODEL = "stories260k/stories260K-f32.gguf";
    private static final String TEXT = "The Eiffel Tower was completed in 1889. Mount Everest is not the highest "
            + "mountain on Earth.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelRuntime models;

    @TempDir
    Path tmp;

    private KnowledgeBases knowledgeBases;
    private FactCheckService service;

    @BeforeAll
    static void startModels() {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
        // the model runtime starts the ONNX Runtime engine before any LangChain4j embedder does
        models = ModelRuntime.onCpu(TestPaths.sharedDir().resolve("models")).start();
    }

    @AfterAll
    static void stopModels() {
        models.close();
    }

    @BeforeEach
    void knowledgeBase() {
        knowledgeBases = new KnowledgeBases(tmp.resolve("data"));
    }

    @AfterEach
    void close() {
        knowledgeBases.close();
    }

    private LlmJudgeSettings settings(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put(ConfigKey.DATA_DIR.envVar(), tmp.resolve("data").toString());
        return new ConfigLoader(all).load(Map.of()).llmJudge();
    }

    private FactCheckReport check(LlmJudge judge) {
        service = new FactCheckService(knowledgeBases, "facts", tmp.resolve("data"), null, judge.verifier());
        knowledgeBases.open("facts").ingest(List.of(
                SourceDocument.of("eiffel", "Eiffel Tower", "The Eiffel Tower is a wrought-iron lattice tower in Paris. "
                        + "It was completed in 1889 as the entrance to the World's Fair.", Map.of()),
                SourceDocument.of("everest", "Mount Everest", "Mount Everest is the highest mountain on Earth above sea "
                        + "level.", Map.of())), IngestListener.NONE);
        FactChecker checker = service.checker().orElseThrow();
        assertThat(checker.verifiers()).extracting(v -> v.name()).hasSize(4).endsWith(LlmJudgeVerifier.NAME);
        return checker.check(TEXT);
    }

    private static Vote judgeVote(ClaimCheck check) {
        return check.votes().stream().filter(v -> v.verifier().equals(LlmJudgeVerifier.NAME)).findFirst().orElseThrow();
    }

    /** Every claim has a judge vote beside the three built-in ones, counted in the agreement. */
    private static void assertJudgeVotedOnEveryClaim(FactCheckReport report) {
        assertThat(report.claims()).hasSize(2);
        for (ClaimCheck c : report.claims()) {
            assertThat(c.votes()).hasSize(4);
            Vote v = judgeVote(c);
            assertThat(v.verdict()).isNotNull();
            assertThat(v.confidence()).isBetween(0.0, 1.0);
            assertThat(v.rationale()).isNotBlank();
        }
        List<List<Verdict>> raters = report.claims().stream().map(c -> c.votes().stream().map(Vote::verdict).toList())
                .toList();
        assertThat(report.kappa()).isEqualTo(Agreement.fleissKappa(raters));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLocalJudgeOnTheTinyLlamaVotesOnEveryClaimAndItsVotesAreKeptInTheReport() {
        LlmJudgeSettings settings = settings(Map.of(ConfigKey.FACTCHECK_LLM_JUDGE.envVar(), "local",
                ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.envVar(), MODEL,
                ConfigKey.FACTCHECK_LLM_JUDGE_TIMEOUT_SECONDS.envVar(), "120"));
        assertThat(settings.mode()).isEqualTo(LlmJudgeSettings.Mode.LOCAL);

        try (LlmJudge judge = LlmJudge.open(settings, models, Map.of()).orElseThrow()) {
            assertThat(judge.describe()).contains(MODEL).contains("gguf").contains("context 512 tokens");
            FactCheckReport report = check(judge);

            assertJudgeVotedOnEveryClaim(report);
            for (ClaimCheck c : report.claims()) {
                assertThat(judgeVote(c).rationale()).as("the model answered (no timeout, failure or context overflow)")
                        .doesNotContain("no answer within").doesNotContain("the model failed")
                        .doesNotContain("do not fit");
            }
            // the governance stage keeps the judge's votes in the findings stored with the item
            GovernanceStage stage = new GovernanceStage(List.of(new FactCheckAssessor(service::checker, "facts")));
            Assessment assessment = stage.assess(new AssessmentInput(Modality.TEXT, "p", TEXT, null, "text/plain",
                    Map.of()));
            Map<String, Object> findings = (Map<String, Object>) assessment.findings().get("factcheck");
            List<Map<String, Object>> claims = (List<Map<String, Object>>) findings.get("claims");
            assertThat(claims).hasSize(2).allSatisfy(claim -> assertThat((List<Map<String, Object>>) claim.get("votes"))
                    .filteredOn(v -> LlmJudgeVerifier.NAME.equals(v.get("verifier"))).singleElement()
                    .satisfies(v -> assertThat(String.valueOf(v.get("rationale"))).isNotBlank()));
            assertThat(assessment.scores()).containsKey("verifiers.disagreement");
            // and the decision names what judged it: the judge's weights, the embedders, the knowledge-base snapshot
            assertThat(assessment.judgedBy().models()).containsKey("llm-judge:" + MODEL)
                    .containsKeys("embedder:all-minilm-l6-v2", "embedder:bge-small-en-v15-q");
            assertThat(assessment.judgedBy().models().get("llm-judge:" + MODEL)).matches("[0-9a-f]{64}");
            assertThat(assessment.judgedBy().knowledgeBaseSnapshot()).startsWith("lucene-v");
            assertThat(stage.assessors().getFirst().deterministic()).as("an LLM judge votes").isFalse();
        }
    }

    @Test
    void anOpenAiJudgeTalksToAnOpenAiCompatibleEndpointAndTheKeyComesFromTheNamedVariable() throws Exception {
        try (ModelLease lease = models.lease(ModelRequirement.of(MODEL, "gguf"), "test-endpoint");
                LlamaEndpoint endpoint = new LlamaEndpoint(lease.loaded(LlamaGenerator.class).orElseThrow())) {
            LlmJudgeSettings settings = settings(Map.of(ConfigKey.FACTCHECK_LLM_JUDGE.envVar(), "openai",
                    ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.envVar(), "stories260k",
                    ConfigKey.FACTCHECK_LLM_JUDGE_BASE_URL.envVar(), endpoint.baseUrl(),
                    ConfigKey.FACTCHECK_LLM_JUDGE_API_KEY_ENV.envVar(), "JUDGE_TEST_KEY",
                    ConfigKey.FACTCHECK_LLM_JUDGE_TIMEOUT_SECONDS.envVar(), "120"));
            String key = "sk-test-" + System.nanoTime();

            try (LlmJudge judge = LlmJudge.open(settings, models, Map.of("JUDGE_TEST_KEY", key)).orElseThrow()) {
                assertThat(judge.describe()).contains(endpoint.baseUrl()).contains("$JUDGE_TEST_KEY")
                        .doesNotContain(key);
                assertThat(settings.toString()).doesNotContain(key);
                FactCheckReport report = check(judge);

                assertJudgeVotedOnEveryClaim(report);
                assertThat(endpoint.authorizations).isNotEmpty().containsOnly("Bearer " + key);
                assertThat(endpoint.prompts).hasSizeGreaterThanOrEqualTo(2)
                        .anySatisfy(p -> assertThat(p).contains("Claim: The Eiffel Tower was completed in 1889."));
                for (ClaimCheck c : report.claims()) {
                    String rationale = judgeVote(c).rationale();
                    assertThat(endpoint.answers).as("the vote carries the endpoint's answer")
                            .anySatisfy(a -> assertThat(rationale).contains(abbreviated(a)));
                }
            }
        }
    }

    @Test
    void aJudgeWhoseEndpointIsDownAbstainsOnEveryClaimAndTheCheckCompletes() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LlmJudgeSettings settings = settings(Map.of(ConfigKey.FACTCHECK_LLM_JUDGE.envVar(), "openai",
                ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.envVar(), "any",
                ConfigKey.FACTCHECK_LLM_JUDGE_BASE_URL.envVar(), "http://127.0.0.1:" + closedPort + "/v1",
                ConfigKey.FACTCHECK_LLM_JUDGE_TIMEOUT_SECONDS.envVar(), "20"));

        try (LlmJudge judge = LlmJudge.open(settings, models, Map.of()).orElseThrow()) {
            FactCheckReport report = check(judge);

            assertJudgeVotedOnEveryClaim(report);
            for (ClaimCheck c : report.claims()) {
                Vote v = judgeVote(c);
                assertThat(v.verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
                assertThat(v.rationale()).startsWith("the judge abstains: the model failed");
                assertThat(c.verdict()).as("the other verifiers still decide").isNotNull();
            }
        }
    }

    @Test
    void aLocalJudgeWhoseModelIsMissingOrAKeyVariableThatIsNotSetStopsStartUpWithTheSetting() {
        LlmJudgeSettings missing = settings(Map.of(ConfigKey.FACTCHECK_LLM_JUDGE.envVar(), "local",
                ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.envVar(), "no-such-model/model.gguf"));
        assertThatThrownBy(() -> LlmJudge.open(missing, models, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("factcheck-llm-judge-model").hasMessageContaining("no-such-model/model.gguf")
                .hasMessageContaining("not found");

        LlmJudgeSettings noKey = settings(Map.of(ConfigKey.FACTCHECK_LLM_JUDGE.envVar(), "openai",
                ConfigKey.FACTCHECK_LLM_JUDGE_MODEL.envVar(), "gpt-4o-mini",
                ConfigKey.FACTCHECK_LLM_JUDGE_BASE_URL.envVar(), "https://api.openai.com/v1",
                ConfigKey.FACTCHECK_LLM_JUDGE_API_KEY_ENV.envVar(), "UNSET_JUDGE_KEY"));
        assertThatThrownBy(() -> LlmJudge.open(noKey, models, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'UNSET_JUDGE_KEY'").hasMessageContaining("factcheck-llm-judge-api-key-env")
                .hasMessageContaining("is not set");

        assertThat(LlmJudge.open(settings(Map.of()), models, Map.of())).as("off by default").isEmpty();
    }

    private static String abbreviated(String answer) {
        String t = answer.strip().replaceAll("\\s+", " ");
        return t.length() > 40 ? t.substring(0, 40) : t;
    }

    /**
     * A minimal OpenAI-compatible chat-completions endpoint on loopback (the JDK's HTTP server) that answers with the
     * real local Llama through {@link LlamaChatModel}. Like servers that truncate over-long prompts, it keeps the end
     * of a prompt that does not fit the tiny model's context.
     */
    static final class LlamaEndpoint implements AutoCloseable {

        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final List<String> prompts = new CopyOnWriteArrayList<>();
        final List<String> answers = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);
        private final LlamaChatModel chat;
        private final Tokenizer tokenizer;
        private final int context;

        LlamaEndpoint(LlamaGenerator generator) throws IOException {
            this.chat = new LlamaChatModel(generator, "stories260k", LlamaChatModel.TRANSCRIPT, SamplingSettings.greedy(64));
            this.tokenizer = generator.model().tokenizer();
            this.context = generator.model().config().contextLength();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/chat/completions", this::complete);
            server.setExecutor(threads);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void complete(HttpExchange exchange) throws IOException {
            try (exchange) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                int maxTokens = body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt(64));
                List<ChatMessage> messages = new ArrayList<>();
                for (JsonNode m : body.path("messages")) {
                    String content = m.path("content").asText();
                    switch (m.path("role").asText()) {
                        case "system" -> messages.add(SystemMessage.from(content));
                        case "assistant" -> messages.add(AiMessage.from(content));
                        default -> {
                            prompts.add(content);
                            messages.add(UserMessage.from(fit(content, maxTokens)));
                        }
                    }
                }
                ChatResponse response = chat.chat(ChatRequest.builder().messages(messages).maxOutputTokens(maxTokens)
                        .temperature(body.path("temperature").asDouble(0)).build());
                String text = response.aiMessage().text();
                answers.add(text);
                ObjectNode out = JSON.createObjectNode().put("id", "chatcmpl-" + answers.size())
                        .put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                        .put("model", "stories260k");
                ObjectNode choice = out.putArray("choices").addObject().put("index", 0)
                        .put("finish_reason", response.finishReason().name().equals("LENGTH") ? "length" : "stop");
                choice.putObject("message").put("role", "assistant").put("content", text);
                out.putObject("usage").put("prompt_tokens", response.tokenUsage().inputTokenCount())
                        .put("completion_tokens", response.tokenUsage().outputTokenCount())
                        .put("total_tokens", response.tokenUsage().totalTokenCount());
                byte[] bytes = JSON.writeValueAsBytes(out);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (RuntimeException e) {
                byte[] bytes = ("{\"error\":{\"message\":" + JSON.writeValueAsString(String.valueOf(e.getMessage()))
                        + ",\"type\":\"server_error\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }

        /** Keeps the end of the prompt (the claim) when the whole does not fit the context. */
        private String fit(String prompt, int maxTokens) {
            String kept = prompt;
            while (tokenizer.encode("User: " + kept + "\nAssistant:", true).length > context - maxTokens - 1) {
                kept = kept.substring(kept.length() / 10);
            }
            return kept;
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
