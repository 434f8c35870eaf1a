package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaGeneratorTest {

    private static final String GOLDEN = ", there was a little girl named Lily. She loved to play outside in the park.";

    static LlamaModel model;

    @BeforeAll
    static void load() {
        model = TestModels.load(TestModels.storiesBin());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void greedyGenerationStreamsPiecesThatAddUpToTheGoldenText() {
        try (LlamaGenerator generator = new LlamaGenerator(model, 4)) {
            List<String> pieces = new ArrayList<>();
            Completion c = generator.generate("Once upon a time", true, SamplingSettings.greedy(30), pieces::add, () -> false);
            assertThat(c.text()).startsWith(GOLDEN);
            assertThat(String.join("", pieces)).isEqualTo(c.text());
            assertThat(c.outputTokens()).isEqualTo(30);
            assertThat(c.finish()).isEqualTo(Completion.Finish.LENGTH);
        }
    }

    @Test
    void aStopSequenceEndsTheTextBeforeItAndIsNeverStreamed() {
        try (LlamaGenerator generator = new LlamaGenerator(model, 4)) {
            List<String> pieces = new ArrayList<>();
            Completion c = generator.generate("Once upon a time", true,
                    SamplingSettings.greedy(60).withStop(List.of(" Lily")), pieces::add, () -> false);
            assertThat(c.text()).isEqualTo(", there was a little girl named");
            assertThat(c.finish()).isEqualTo(Completion.Finish.STOP);
            assertThat(String.join("", pieces)).isEqualTo(c.text());
        }
    }

    @Test
    void theSameSeedGivesTheSameSampledTextAndAnotherSeedAnotherText() {
        try (LlamaGenerator generator = new LlamaGenerator(model, 4)) {
            SamplingSettings s = new SamplingSettings(40, 1.0, 40, 0.9, 1.1, List.of(), 42);
            String a = generator.generate("Once upon a time", true, s, p -> { }, () -> false).text();
            String b = generator.generate("Once upon a time", true, s, p -> { }, () -> false).text();
            String c = generator.generate("Once upon a time", true,
                    new SamplingSettings(40, 1.0, 40, 0.9, 1.1, List.of(), 7), p -> { }, () -> false).text();
            assertThat(a).isEqualTo(b).isNotEqualTo(c);
        }
    }

    @Test
    void concurrentRequestsBatchedTogetherGetTheSameTextsAsAlone() throws Exception {
        String[] prompts = {"Once upon a time", "The cat", "Tom and Sue went", "One day, a big dog"};
        List<String> alone = new ArrayList<>();
        try (LlamaGenerator serial = new LlamaGenerator(model, 1)) {
            for (String p : prompts) {
                alone.add(serial.generate(p, true, SamplingSettings.greedy(25), x -> { }, () -> false).text());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(prompts.length);
        try (LlamaGenerator batched = new LlamaGenerator(model, 8)) {
            List<Future<String>> futures = new ArrayList<>();
            for (String p : prompts) {
                futures.add(pool.submit(() -> batched.generate(p, true, SamplingSettings.greedy(25), x -> { }, () -> false).text()));
            }
            List<String> together = new ArrayList<>();
            for (Future<String> f : futures) {
                together.add(f.get());
            }
            assertThat(together).containsExactlyElementsOf(alone);
            assertThat(batched.steps()).isLessThan(4L * 25);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingStopsGenerationBetweenSteps() {
        try (LlamaGenerator generator = new LlamaGenerator(model, 4)) {
            AtomicInteger pieces = new AtomicInteger();
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Completion c = generator.generate("Once upon a time", true, SamplingSettings.greedy(400),
                    p -> { seen.add(p); pieces.incrementAndGet(); }, () -> pieces.get() >= 3);
            assertThat(c.finish()).isEqualTo(Completion.Finish.CANCELLED);
            assertThat(c.outputTokens()).isLessThan(400);
        }
    }

    @Test
    void theTokenizerEncodesLikeLlama2c() {
        Tokenizer tok = model.tokenizer();
        int[] ids = tok.encode("Once upon a time", true);
        assertThat(ids).containsExactly(1, 403, 407, 261, 378); // as llama2.c's run.c encodes it
        StringBuilder back = new StringBuilder();
        for (int i = 1; i < ids.length; i++) {
            back.append(new String(tok.decode(ids[i - 1], ids[i]), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(back.toString()).isEqualTo("Once upon a time");
        int[] unicode = tok.encode("naïve ☃", false);
        StringBuilder u = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < unicode.length; i++) {
            bytes.writeBytes(tok.decode(i == 0 ? 0 : unicode[i - 1], unicode[i]));
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(" naïve ☃");
    }

    @Test
    void theLangChain4jChatModelContinuesTheUserTextWithTheLocalModel() {
        try (LlamaGenerator generator = new LlamaGenerator(model, 4)) {
            LlamaChatModel chat = new LlamaChatModel(generator, "stories260k", LlamaChatModel.CONTINUATION,
                    SamplingSettings.greedy(30));
            dev.langchain4j.model.chat.response.ChatResponse response = chat.chat(
                    dev.langchain4j.model.chat.request.ChatRequest.builder()
                            .messages(dev.langchain4j.data.message.UserMessage.from("Once upon a time"))
                            .temperature(0.0).maxOutputTokens(20).build());
            assertThat(response.aiMessage().text()).startsWith(", there was a little girl named Lily.");
            assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(20);
            assertThat(response.finishReason()).isEqualTo(dev.langchain4j.model.output.FinishReason.LENGTH);
            LlamaChatModel transcript = new LlamaChatModel(generator, "stories260k", LlamaChatModel.TRANSCRIPT,
                    SamplingSettings.greedy(16));
            assertThat(transcript.chat("Tell me a story")).isNotNull();
        }
    }
}
