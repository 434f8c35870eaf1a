package io.hallmark.textgen;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A LangChain4j {@link ChatModel} over a local {@link LlamaGenerator}, so LangChain4j services and agents can use
 * the models Hallmark runs itself. A model whose GGUF file has a chat template gets its messages rendered by it
 * ({@link #forModel}; roles kept, message text never parsed as control tokens, generation ending at the template's
 * end-of-turn token); otherwise messages become one prompt through a {@link Function} (a plain transcript,
 * {@code User: ...} / {@code Assistant: ...}, ending with {@code Assistant:} and stopping at the next {@code User:}).
 * Request parameters map to {@link SamplingSettings} (temperature, top-k, top-p, max output tokens, stop
 * sequences). Tools and response formats are not supported.
 */
public final class LlamaChatModel implements ChatModel {

    /** Renders a conversation as {@code System/User/Assistant:} lines, ending with {@code Assistant:}. */
    public static final Function<List<ChatMessage>, String> TRANSCRIPT = messages -> {
        StringBuilder b = new StringBuilder();
        for (ChatMessage m : messages) {
            switch (m) {
                case SystemMessage s -> b.append(s.text()).append("\n\n");
                case UserMessage u -> b.append("User: ").append(u.singleText()).append('\n');
                case AiMessage a -> b.append("Assistant: ").append(Objects.toString(a.text(), "")).append('\n');
                default -> throw new IllegalArgumentException("Unsupported message type: " + m.type());
            }
        }
        return b.append("Assistant:").toString();
    };

    /** Uses the text of the user messages as the prompt, unchanged: for base models that continue text. */
    public static final Function<List<ChatMessage>, String> CONTINUATION = messages -> {
        StringBuilder b = new StringBuilder();
        for (ChatMessage m : messages) {
            if (m instanceof UserMessage u) {
                b.append(u.singleText());
            }
        }
        return b.toString();
    };

    private final LlamaGenerator generator;
    private final Function<List<ChatMessage>, String> format;
    private final ChatTemplate template;
    private final SamplingSettings defaults;
    private final String modelName;

    /**
     * @param format turns the messages into one prompt ({@link #TRANSCRIPT} or {@link #CONTINUATION})
     * @param defaults sampling settings for what a request leaves out
     */
    public LlamaChatModel(LlamaGenerator generator, String modelName, Function<List<ChatMessage>, String> format,
            SamplingSettings defaults) {
        this(generator, modelName, Objects.requireNonNull(format, "format"), null, defaults);
    }

    private LlamaChatModel(LlamaGenerator generator, String modelName, Function<List<ChatMessage>, String> format,
            ChatTemplate template, SamplingSettings defaults) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.format = format;
        this.template = template;
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** A chat model that renders messages with the model's chat template, or as a {@link #TRANSCRIPT} without one. */
    public static LlamaChatModel forModel(LlamaGenerator generator, String modelName, SamplingSettings defaults) {
        return ChatTemplate.of(generator.model().tokenizer())
                .map(t -> new LlamaChatModel(generator, modelName, null, t, defaults))
                .orElseGet(() -> new LlamaChatModel(generator, modelName, TRANSCRIPT, defaults));
    }

    /** The chat template messages are rendered with, if any. */
    public java.util.Optional<ChatTemplate> template() {
        return java.util.Optional.ofNullable(template);
    }

    /** LangChain4j messages as template messages: system, user and assistant roles. */
    public static List<ChatTemplate.Message> messages(List<ChatMessage> messages) {
        List<ChatTemplate.Message> out = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            out.add(switch (m) {
                case SystemMessage s -> new ChatTemplate.Message("system", s.text());
                case UserMessage u -> new ChatTemplate.Message("user", u.singleText());
                case AiMessage a -> new ChatTemplate.Message("assistant", Objects.toString(a.text(), ""));
                default -> throw new IllegalArgumentException("Unsupported message type: " + m.type());
            });
        }
        return out;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
            throw new UnsupportedOperationException("Model '" + modelName + "' does not support tools");
        }
        List<String> stop = new ArrayList<>(request.stopSequences() == null || request.stopSequences().isEmpty()
                ? defaults.stop() : request.stopSequences());
        if (format == TRANSCRIPT && !stop.contains("\nUser:")) {
            stop.add("\nUser:");
        }
        SamplingSettings settings = new SamplingSettings(
                request.maxOutputTokens() != null ? request.maxOutputTokens() : defaults.maxTokens(),
                request.temperature() != null ? request.temperature() : defaults.temperature(),
                request.topK() != null ? request.topK() : defaults.topK(),
                request.topP() != null ? request.topP() : defaults.topP(),
                defaults.repetitionPenalty(), stop, defaults.seed());
        Completion c = template != null
                ? generator.generate(template.encode(messages(request.messages()), true), settings, piece -> { },
                        () -> Thread.currentThread().isInterrupted())
                : generator.generate(format.apply(request.messages()), true, settings, piece -> { },
                        () -> Thread.currentThread().isInterrupted());
        String text = format == TRANSCRIPT ? c.text().strip() : c.text();
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .modelName(modelName)
                .tokenUsage(new TokenUsage(c.promptTokens(), c.outputTokens()))
                .finishReason(c.finish() == Completion.Finish.LENGTH || c.finish() == Completion.Finish.CONTEXT
                        ? FinishReason.LENGTH : FinishReason.STOP)
                .build();
    }
}
