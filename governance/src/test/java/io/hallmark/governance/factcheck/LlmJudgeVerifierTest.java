package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.hallmark.governance.factcheck.verify.LlmJudgeVerifier;
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
        assertThat(v.rationale()).contains("unparseable");
    }
}
