package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.hallmark.governance.factcheck.verify.LlmJudgeVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmJudgeVerifierTest {

    /** A chat model that answers with a fixed text and records the prompts. */
    static final class Scripted implements ChatModel {
        final String answer;
        final List<String> prompts = new ArrayList<>();

        Scripted(String answer) {
            this.answer = answer;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            prompts.add(((UserMessage) request.messages().get(0)).singleText());
            return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
        }
    }

    private static final List<Evidence> EVIDENCE = List.of(new Evidence("e#0", "e", "", "Paris is in France.", 1));

    @Test
    void parsesTheVerdictAndConfidenceAndShowsTheEvidence() {
        Scripted model = new Scripted("REFUTED confidence=0.9\nThe passage places Paris in France.");
        Vote v = new LlmJudgeVerifier(model).verify(Claim.of("Paris is in Spain."), EVIDENCE);
        assertThat(v.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(v.confidence()).isEqualTo(0.9);
        assertThat(model.prompts.get(0)).contains("[1] Paris is in France.").contains("Claim: Paris is in Spain.");
    }

    @Test
    void anUnparseableAnswerIsNotEnoughInfo() {
        Vote v = new LlmJudgeVerifier(new Scripted("I am not sure.")).verify(Claim.of("Paris is in Spain."), EVIDENCE);
        assertThat(v.verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
        assertThat(v.rationale()).contains("names no verdict").contains("I am not sure.");
    }

    @Test
    void aModelThatThrowsBecomesAnAbstentionWithTheReason() {
        ChatModel down = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException("connection refused", new java.net.ConnectException("port 9"));
            }
        };
        Vote v = new LlmJudgeVerifier(down).verify(Claim.of("Paris is in Spain."), EVIDENCE);
        assertThat(v.verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
        assertThat(v.rationale()).contains("the model failed").contains("connection refused");
    }

    @Test
    void aModelPastTheTimeoutIsAbandonedAndAbstains() {
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ChatResponse.builder().aiMessage(AiMessage.from("SUPPORTED")).build();
            }
        };
        LlmJudgeVerifier judge = new LlmJudgeVerifier(slow, new LlmJudgeVerifier.Options(Duration.ofMillis(200), 2,
                String::length, Integer.MAX_VALUE));
        long start = System.nanoTime();
        List<Vote> votes = judge.verifyAll(List.of(Claim.of("Paris is in Spain."), Claim.of("Paris is in France.")),
                List.of(EVIDENCE, EVIDENCE));
        assertThat(votes).hasSize(2).allSatisfy(v -> {
            assertThat(v.verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
            assertThat(v.rationale()).contains("no answer within 200 ms");
        });
        assertThat((System.nanoTime() - start) / 1_000_000).as("bounded by the timeout, not the model").isLessThan(5_000);
    }

    @Test
    void passagesAreDroppedAndClippedUntilThePromptFitsTheModel() {
        Scripted model = new Scripted("SUPPORTED confidence=0.8");
        List<Evidence> long3 = List.of(new Evidence("a#0", "a", "", "Paris is in France. ".repeat(20), 1),
                new Evidence("b#0", "b", "", "Lyon is in France too.", 0.5),
                new Evidence("c#0", "c", "", "Madrid is in Spain.", 0.4));
        int budget = LlmJudgeVerifier.promptFor(Claim.of("Paris is in Spain."), List.of()).length() + 150;
        Vote v = new LlmJudgeVerifier(model, new LlmJudgeVerifier.Options(Duration.ofSeconds(5), 1, String::length,
                budget)).verify(Claim.of("Paris is in Spain."), long3);
        assertThat(v.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(model.prompts.get(0).length()).isLessThanOrEqualTo(budget);
        assertThat(model.prompts.get(0)).contains("[1] Paris is in France.").doesNotContain("[2]").contains("...");

        Vote none = new LlmJudgeVerifier(model, new LlmJudgeVerifier.Options(Duration.ofSeconds(5), 1, String::length,
                10)).verify(Claim.of("Paris is in Spain."), long3);
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
        assertThat(none.rationale()).contains("do not fit the judge model's context of 10 tokens");
    }
}
