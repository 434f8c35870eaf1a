package io.hallmark.core.jobs;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.hallmark.api.ChatTurn;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A generator plugin seen as a LangChain4j {@link ChatModel}, so the pipeline's agents can be composed with
 * {@code AgenticServices}: the last user message is the prompt, the plugin runs under the host's limits with the
 * job's cancellation and listener, and the whole {@link GeneratedContent} (model, seed, usage, metadata) is kept for
 * the pipeline. One instance per agent call.
 */
final class PluginChatModel implements ChatModel {

    private final PluginHost plugins;
    private final String pluginId;
    private final Modality modality;
    private final Map<String, Object> parameters;
    private final @Nullable Long seed;
    private final CallOptions options;
    private volatile @Nullable GeneratedContent content;
    private volatile @Nullable RuntimeException failure;

    PluginChatModel(PluginHost plugins, String pluginId, Modality modality, Map<String, Object> parameters,
            @Nullable Long seed, CallOptions options) {
        this.plugins = plugins;
        this.pluginId = pluginId;
        this.modality = modality;
        this.parameters = parameters;
        this.seed = seed;
        this.options = options;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = null;
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u) {
                prompt = u.singleText();
            }
        }
        if (prompt == null) {
            throw new IllegalArgumentException("No user message for generator '" + pluginId + "'");
        }
        try {
            GeneratedContent generated = plugins.generate(pluginId, new GenerationRequest(modality, prompt,
                    screenedOnly(parameters, prompt), seed), options);
            content = generated;
            return ChatResponse.builder().aiMessage(AiMessage.from(generated.text() == null ? "" : generated.text()))
                    .modelName(generated.model() == null ? pluginId : generated.model().id())
                    .tokenUsage(new TokenUsage((int) generated.usage().promptTokens(), (int) generated.usage().outputTokens()))
                    .build();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * The parameters without a conversation that is not exactly this prompt: the governance screens judged the prompt,
     * so a conversation travels to the generator only while its transcript is that prompt, or that prompt with the
     * data pasted into it marked in place (a chat template keeps each message in its own turn, so the conversation
     * goes as it was written, control-token text staying text), not after the screen redacted it, a revision rewrote
     * it, or the planner split it into sections.
     */
    static Map<String, Object> screenedOnly(Map<String, Object> parameters, String prompt) {
        GenerationRequest probe = new GenerationRequest(Modality.TEXT, prompt, parameters, null);
        if (probe.messages().isEmpty()) {
            return parameters;
        }
        String transcript = ChatTurn.transcript(probe.messages());
        if (transcript.equals(prompt) || io.hallmark.governance.safety.roles.DataMarking.forGenerator(transcript,
                java.util.List.of()).equals(prompt)) {
            return parameters;
        }
        Map<String, Object> without = new java.util.LinkedHashMap<>(parameters);
        without.remove("messages");
        return without;
    }

    String pluginId() {
        return pluginId;
    }

    /** What the plugin produced, once the agent ran. */
    @Nullable GeneratedContent content() {
        return content;
    }

    /** The plugin's own exception, when it failed (the agent framework wraps it). */
    @Nullable RuntimeException failure() {
        return failure;
    }
}
