package io.hallmark.plugins.text;

import io.hallmark.api.ChatTurn;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.textgen.ChatTemplate;
import io.hallmark.textgen.Tokenizer;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a request asks the model to continue: a conversation with its roles, or a plain text. {@link #encode} turns it
 * into the model's token ids once the model is known: a conversation through the model's chat template
 * ({@code tokenizer.chat_template} of its GGUF file) when it has one, else as its role-tagged transcript.
 *
 * <p>Either way the message contents are the ones the governance screens judged: the host lets a conversation reach
 * the plugin only while its transcript is the screened prompt, and the template adds its own markup around those
 * contents, never other text (control-token text inside a message stays literal text).
 *
 * @param text the prompt text: the conversation's role-tagged transcript, or the request's prompt
 * @param turns the conversation, empty for a plain prompt
 */
record ModelPrompt(String text, List<ChatTurn> turns) {

    /** How the prompt reached the model, reported as the {@code promptFormat} metadata. */
    static final String CHAT_TEMPLATE = "chat-template";
    static final String TRANSCRIPT = "transcript";
    static final String TEXT = "text";

    ModelPrompt {
        turns = List.copyOf(turns);
    }

    /**
     * The prompt's token ids, as the model reads them.
     *
     * @param tokens the ids to generate from (BOS included where the model asks for it)
     * @param format {@link #CHAT_TEMPLATE}, {@link #TRANSCRIPT} or {@link #TEXT}
     * @param rendered the conversation as the chat template wrote it, or null without a template
     */
    record Encoded(int[] tokens, String format, @Nullable String rendered) {}

    /** The request's conversation when it carries one, else its prompt. */
    static ModelPrompt of(GenerationRequest request) {
        List<ChatTurn> messages = request.messages();
        return messages.isEmpty() ? text(request.prompt()) : new ModelPrompt(ChatTurn.transcript(messages), messages);
    }

    /** A plain text to continue. */
    static ModelPrompt text(String text) {
        return new ModelPrompt(text, List.of());
    }

    /**
     * Encodes for the model of {@code tokenizer}.
     *
     * @throws InvalidRequestException when the model's chat template refuses the conversation (a role it does not
     *     take) or cannot render it
     */
    Encoded encode(Tokenizer tokenizer) {
        Optional<ChatTemplate> template = turns.isEmpty() ? Optional.empty() : ChatTemplate.of(tokenizer);
        if (template.isEmpty()) {
            return new Encoded(tokenizer.encode(text, true, true), turns.isEmpty() ? TEXT : TRANSCRIPT, null);
        }
        List<ChatTemplate.Message> messages = turns.stream()
                .map(t -> new ChatTemplate.Message(t.role(), t.content())).toList();
        try {
            String rendered = template.get().render(messages, true);
            return new Encoded(template.get().encode(messages, true), CHAT_TEMPLATE, rendered);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("messages", e.getMessage());
        }
    }
}
