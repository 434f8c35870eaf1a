package io.hallmark.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.ChatTurn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A conversation reaches a generator only while its transcript is the prompt the governance screens judged. */
class ScreenedConversationTest {

    private static final List<Map<String, Object>> MESSAGES = List.of(
            new ChatTurn("system", "Be brief.").toMap(), new ChatTurn("user", "Mail bob@example.com").toMap());
    private static final String TRANSCRIPT = "System: Be brief.\n\nUser: Mail bob@example.com\n\nAssistant:";

    @Test
    void theConversationTravelsWhileItsTranscriptIsThePrompt() {
        Map<String, Object> parameters = Map.of("messages", MESSAGES, "maxTokens", 5L);

        assertThat(PluginChatModel.screenedOnly(parameters, TRANSCRIPT)).isEqualTo(parameters);
    }

    @Test
    void aRedactedRevisedOrSplitPromptTravelsWithoutIt() {
        Map<String, Object> parameters = Map.of("messages", MESSAGES, "maxTokens", 5L);

        assertThat(PluginChatModel.screenedOnly(parameters, TRANSCRIPT.replace("bob@example.com", "[EMAIL]")))
                .isEqualTo(Map.of("maxTokens", 5L));
        assertThat(PluginChatModel.screenedOnly(parameters, "Section 1: the introduction"))
                .isEqualTo(Map.of("maxTokens", 5L));
        assertThat(PluginChatModel.screenedOnly(Map.of("maxTokens", 5L), "anything")).isEqualTo(Map.of("maxTokens", 5L));
    }

    @Test
    void aConversationWhosePastedDataWasMarkedKeepsItsTurns() {
        List<Map<String, Object>> messages = List.of(new ChatTurn("user",
                "Summarize this e-mail:\n\nFrom: ann@example.com\nSubject: lunch\n\nShall we meet at noon?").toMap());
        String transcript = ChatTurn.transcript(new io.hallmark.api.GenerationRequest(io.hallmark.api.Modality.TEXT, "x",
                Map.of("messages", messages), null).messages());
        String marked = io.hallmark.governance.safety.roles.DataMarking.forGenerator(transcript, List.of());
        Map<String, Object> parameters = Map.of("messages", messages);

        assertThat(marked).as("the e-mail is found and marked").isNotEqualTo(transcript).contains("<data kind=\"pasted\"");
        assertThat(PluginChatModel.screenedOnly(parameters, marked)).isEqualTo(parameters);
        assertThat(PluginChatModel.screenedOnly(parameters, marked.replace("noon", "one"))).isEqualTo(Map.of());
    }
}
