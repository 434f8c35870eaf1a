package io.hallmark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatTurnTest {

    private static final ParameterSpec MESSAGES = ParameterSpec.messages("messages", "a conversation", 3);

    @Test
    void aLoneUserMessageIsItsOwnTranscript() {
        assertThat(ChatTurn.transcript(List.of(new ChatTurn("user", "Once upon a time")))).isEqualTo("Once upon a time");
    }

    @Test
    void aConversationIsRoleTaggedAndEndsWhereTheAssistantContinues() {
        String transcript = ChatTurn.transcript(List.of(new ChatTurn("system", "Be brief."),
                new ChatTurn("user", "Hi"), new ChatTurn("assistant", "Hello."), new ChatTurn("user", "A story?")));

        assertThat(transcript).isEqualTo("System: Be brief.\n\nUser: Hi\n\nAssistant: Hello.\n\nUser: A story?\n\nAssistant:");
    }

    @Test
    void aMessagesParameterConvertsJsonMessagesAndTheRequestReadsThemBack() {
        Object converted = MESSAGES.convert(List.of(Map.of("role", "system", "content", "Be brief."),
                Map.of("role", "user", "content", "Hi")));
        GenerationRequest request = new GenerationRequest(Modality.TEXT, "x", Map.of("messages", converted), null);

        assertThat(request.messages()).containsExactly(new ChatTurn("system", "Be brief."), new ChatTurn("user", "Hi"));
        assertThat(GenerationRequest.of(Modality.TEXT, "x").messages()).isEmpty();
        assertThat(MESSAGES.defaultValue()).isEqualTo(List.of());
    }

    @Test
    void badMessagesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> MESSAGES.convert(List.of(Map.of("role", "tool", "content", "42"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'messages'").hasMessageContaining("role");
        assertThatThrownBy(() -> MESSAGES.convert(List.of(Map.of("role", "user"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("{role, content}");
        assertThatThrownBy(() -> MESSAGES.convert("hello")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MESSAGES.convert(List.of(Map.of("role", "user", "content", "a"),
                Map.of("role", "user", "content", "b"), Map.of("role", "user", "content", "c"),
                Map.of("role", "user", "content", "d")))).hasMessageContaining("at most 3 messages");
        assertThatThrownBy(() -> new ChatTurn("robot", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatTurn.transcript(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
