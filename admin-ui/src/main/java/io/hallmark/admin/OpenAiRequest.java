package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.ChatTurn;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.ParameterType;
import io.hallmark.core.plugin.GeneratorView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A request to {@code /v1/chat/completions} or {@code /v1/completions}, read by OpenAI's rules: messages keep their
 * roles (content as a string or a list of text parts), the sampling fields go to the generator under the names it
 * declares, and every field Hallmark does not implement is refused by name (400 {@code unsupported_parameter})
 * rather than silently ignored. Fields sent as {@code null} or with their neutral value ({@code n: 1},
 * {@code logprobs: false}, a {@code text} response format, zero penalties) are accepted.
 *
 * @param model the generator serving the request
 * @param messages the conversation (one user message for a text completion)
 * @param prompt what governance screens and the generator read: the conversation's transcript
 * @param parameters the generator's parameters
 * @param seed the seed, or {@code null}
 * @param stream whether to answer with Server-Sent Events
 * @param includeUsage whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage})
 * @param maxTokens the requested limit on generated tokens, or {@code null}
 * @param contentType the content type declared in the {@code hallmark} extension object
 *     ({@code "hallmark": {"content_type": "story"}}), or {@code null}
 * @param documents untrusted documents sent beside the conversation in the {@code hallmark} extension object
 *     ({@code "hallmark": {"documents": [{"name", "text"}]}}): data, screened and marked as on
 *     {@code POST /api/v1/generations}; none when absent
 */
record OpenAiRequest(GeneratorView model, List<ChatTurn> messages, String prompt, Map<String, Object> parameters,
        @Nullable Long seed, boolean stream, boolean includeUsage, @Nullable Long maxTokens,
        io.hallmark.governance.policy.@Nullable ContentType contentType,
        List<io.hallmark.api.InputDocument> documents) {

    /** The default {@code max_tokens} of the legacy completions endpoint, as OpenAI documents it. */
    static final long COMPLETIONS_DEFAULT_MAX_TOKENS = 16;

    private static final Set<String> CHAT_FIELDS = Set.of("model", "messages", "stream", "stream_options", "max_tokens",
            "max_completion_tokens", "temperature", "top_p", "stop", "seed", "n", "user", "logprobs", "presence_penalty",
            "frequency_penalty", "response_format", "store", "hallmark");
    private static final Set<String> COMPLETION_FIELDS = Set.of("model", "prompt", "stream", "stream_options",
            "max_tokens", "temperature", "top_p", "stop", "seed", "n", "user", "logprobs", "presence_penalty",
            "frequency_penalty", "echo", "best_of", "suffix", "hallmark");

    /** Reads a chat-completions body; {@code models} finds the generator by model id (404 when unknown). */
    static OpenAiRequest chat(JsonNode body, Function<String, GeneratorView> models) {
        refuseUnknown(body, CHAT_FIELDS);
        GeneratorView model = models.apply(requiredModel(body));
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw OpenAiException.invalid("messages", "invalid_value",
                    "'messages' must be a non-empty list of {role, content} objects");
        }
        List<ChatTurn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(messages.get(i), "messages[" + i + "]"));
        }
        refuseBothLimits(body);
        Long max = body.hasNonNull("max_completion_tokens") ? positive(body, "max_completion_tokens")
                : body.hasNonNull("max_tokens") ? positive(body, "max_tokens") : null;
        return build(body, model, turns, max, true);
    }

    /** Reads a legacy completions body: {@code prompt} is one string (or a list of exactly one). */
    static OpenAiRequest completion(JsonNode body, Function<String, GeneratorView> models) {
        refuseUnknown(body, COMPLETION_FIELDS);
        GeneratorView model = models.apply(requiredModel(body));
        JsonNode prompt = body.get("prompt");
        if (prompt != null && prompt.isArray() && prompt.size() == 1) {
            prompt = prompt.get(0);
        }
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            throw OpenAiException.invalid("prompt", "invalid_value", "'prompt' must be a non-empty string (or a list "
                    + "of one string; batches of prompts are not supported)");
        }
        if (body.path("echo").asBoolean(false)) {
            throw OpenAiException.unsupported("echo", "is not supported: the answer holds the governed completion only");
        }
        if (body.hasNonNull("best_of") && body.get("best_of").asInt(0) != 1) {
            throw OpenAiException.unsupported("best_of", "must be 1: each completion is one governed generation");
        }
        if (body.hasNonNull("suffix")) {
            throw OpenAiException.unsupported("suffix", "is not supported: the generators only continue a prompt");
        }
        Long max = body.hasNonNull("max_tokens") ? positive(body, "max_tokens") : COMPLETIONS_DEFAULT_MAX_TOKENS;
        return build(body, model, List.of(new ChatTurn("user", prompt.asText())), max, false);
    }

    /**
     * @param chat whether the text is a conversation for a generator to format (its model's chat template); a text
     *     completion's prompt is continued as it is, so it travels without the {@code messages} parameter
     */
    private static OpenAiRequest build(JsonNode body, GeneratorView model, List<ChatTurn> turns, @Nullable Long max,
            boolean chat) {
        if (body.hasNonNull("n") && body.get("n").asInt(0) != 1) {
            throw OpenAiException.unsupported("n", "must be 1: each completion is one governed generation with its own "
                    + "decision; send separate requests");
        }
        if (body.hasNonNull("logprobs") && !(body.get("logprobs").isBoolean() && !body.get("logprobs").asBoolean())) {
            throw OpenAiException.unsupported("logprobs", "is not supported: governance judges the text, not its "
                    + "token probabilities");
        }
        for (String penalty : List.of("presence_penalty", "frequency_penalty")) {
            if (body.hasNonNull(penalty) && body.get(penalty).asDouble(1) != 0) {
                throw OpenAiException.unsupported(penalty, "is not supported (0 only); the text generator's own "
                        + "repetitionPenalty is reachable through POST /api/v1/generations");
            }
        }
        JsonNode format = body.get("response_format");
        if (format != null && !format.isNull() && !"text".equals(format.path("type").asText())) {
            throw OpenAiException.unsupported("response_format", "type '" + format.path("type").asText()
                    + "' is not supported; only {\"type\": \"text\"}");
        }
        if (body.path("store").asBoolean(false)) {
            throw OpenAiException.unsupported("store", "is not supported: Hallmark keeps every completion under "
                    + "governance anyway (GET /api/v1/content/{id})");
        }
        GeneratorInfo info = model.info();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (max != null) {
            String name = declared(info, "maxTokens", "maxWords");
            if (name == null) {
                throw OpenAiException.unsupported(body.has("max_completion_tokens") ? "max_completion_tokens"
                        : "max_tokens", "is not supported by model '" + model.pluginId() + "' (it has no length limit)");
            }
            parameters.put(name, max);
        }
        number(body, "temperature", "temperature", info, parameters);
        number(body, "top_p", "topP", info, parameters);
        JsonNode stop = body.get("stop");
        if (stop != null && !stop.isNull()) {
            if (declared(info, "stop") == null) {
                throw OpenAiException.unsupported("stop", "is not supported by model '" + model.pluginId() + "'");
            }
            List<String> stops = new ArrayList<>();
            if (stop.isTextual()) {
                stops.add(stop.asText());
            } else if (stop.isArray() && stop.size() <= 4) {
                stop.forEach(s -> stops.add(s.asText()));
            } else {
                throw OpenAiException.invalid("stop", "invalid_value", "'stop' must be a string or a list of up to 4 "
                        + "strings");
            }
            parameters.put("stop", stops);
        }
        String prompt = ChatTurn.transcript(turns);
        List<io.hallmark.api.InputDocument> documents = documents(body.get("hallmark"));
        // a chat generator reads the conversation, not the prompt the documents are marked in: with documents the
        // conversation travels as its transcript, followed by the documents marked as data
        if (chat && documents.isEmpty() && info.parameters().stream().anyMatch(p -> p.name().equals("messages")
                && p.type() == ParameterType.MESSAGES)) {
            parameters.put("messages", turns.stream().map(ChatTurn::toMap).toList());
        }
        Long seed = null;
        if (body.hasNonNull("seed")) {
            if (!body.get("seed").canConvertToLong()) {
                throw OpenAiException.invalid("seed", "invalid_value", "'seed' must be a whole number");
            }
            seed = body.get("seed").asLong();
        }
        boolean stream = body.path("stream").asBoolean(false);
        JsonNode options = body.get("stream_options");
        if (options != null && !options.isNull() && !stream) {
            throw OpenAiException.invalid("stream_options", "invalid_value", "'stream_options' is only allowed with "
                    + "\"stream\": true");
        }
        return new OpenAiRequest(model, turns, prompt, parameters, seed, stream,
                options != null && options.path("include_usage").asBoolean(false), max, contentType(body.get("hallmark")),
                documents);
    }

    /**
     * The documents of the {@code hallmark} extension object ({@code "documents": [{"name", "text"}]}), read with the
     * limits of {@code POST /api/v1/generations}; a refusal names the field ({@code hallmark.documents[0].text}).
     */
    private static List<io.hallmark.api.InputDocument> documents(@Nullable JsonNode hallmark) {
        if (hallmark == null || !hallmark.isObject()) {
            return List.of();
        }
        try {
            return GenerationRoutes.documents(hallmark);
        } catch (io.hallmark.api.InvalidRequestException e) {
            String field = e.errors().isEmpty() ? "documents" : e.errors().get(0).field();
            throw OpenAiException.invalid("hallmark." + field, "invalid_value", e.getMessage());
        }
    }

    /**
     * The {@code hallmark} extension object of a request: {@code {"content_type": "story", "documents": [...]}};
     * nothing else.
     */
    private static io.hallmark.governance.policy.@Nullable ContentType contentType(@Nullable JsonNode hallmark) {
        if (hallmark == null || hallmark.isNull()) {
            return null;
        }
        if (!hallmark.isObject()) {
            throw OpenAiException.invalid("hallmark", "invalid_value", "'hallmark' must be an object such as "
                    + "{\"content_type\": \"story\"}");
        }
        for (Iterator<String> names = hallmark.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("content_type") && !name.equals("documents")) {
                throw OpenAiException.unsupported("hallmark." + name, "is not supported; the 'hallmark' object "
                        + "takes content_type and documents only");
            }
        }
        JsonNode value = hallmark.get("content_type");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("must be one of "
                        + io.hallmark.governance.policy.ContentType.choices());
            }
            return io.hallmark.governance.policy.ContentType.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw OpenAiException.invalid("hallmark.content_type", "invalid_value", "'hallmark.content_type' "
                    + e.getMessage());
        }
    }

    /** One message: a role OpenAI defines that Hallmark serves, and content as a string or text parts. */
    private static ChatTurn turn(JsonNode message, String where) {
        if (!message.isObject()) {
            throw OpenAiException.invalid(where, "invalid_value", where + " must be an object {role, content}");
        }
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("role") && !name.equals("content") && !message.get(name).isNull()) {
                throw OpenAiException.unsupported(where + "." + name, "is not supported (tool calls, function calls "
                        + "and participant names are not implemented)");
            }
        }
        String role = message.path("role").asText("");
        if (role.equals("developer")) {
            role = "system"; // OpenAI's newer name for the system message
        }
        if (!ChatTurn.ROLES.contains(role)) {
            throw (role.equals("tool") || role.equals("function"))
                    ? OpenAiException.unsupported(where + ".role", "'" + role + "' is not supported: tools are not "
                            + "implemented")
                    : OpenAiException.invalid(where + ".role", "invalid_value", where + ".role must be one of system, "
                            + "developer, user, assistant; was '" + role + "'");
        }
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            return new ChatTurn(role, content.asText());
        }
        if (content == null || !content.isArray() || content.isEmpty()) {
            throw OpenAiException.invalid(where + ".content", "invalid_value", where + ".content must be a string or "
                    + "a non-empty list of text parts");
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asText("");
            if (!type.equals("text") || !part.path("text").isTextual()) {
                throw type.equals("text") || type.isEmpty()
                        ? OpenAiException.invalid(where + ".content[" + j + "]", "invalid_value", "A content part must "
                                + "be {\"type\": \"text\", \"text\": \"...\"}")
                        : OpenAiException.unsupported(where + ".content[" + j + "].type", "'" + type + "' is not "
                                + "supported: the models served here read text parts only");
            }
            texts.add(part.get("text").asText());
        }
        return new ChatTurn(role, String.join("\n", texts));
    }

    private static void refuseUnknown(JsonNode body, Set<String> supported) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!supported.contains(name) && !body.get(name).isNull()) {
                throw OpenAiException.unsupported(name, "is not supported by Hallmark's OpenAI-compatible API; "
                        + "supported: " + new java.util.TreeSet<>(supported));
            }
        }
    }

    private static void refuseBothLimits(JsonNode body) {
        if (body.hasNonNull("max_completion_tokens") && body.hasNonNull("max_tokens")) {
            throw OpenAiException.invalid("max_completion_tokens", "invalid_value", "Send either 'max_tokens' or 'max_completion_tokens', "
                    + "not both");
        }
    }

    private static String requiredModel(JsonNode body) {
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw OpenAiException.invalid("model", "missing_required_parameter", "'model' is required; GET /v1/models "
                    + "lists them");
        }
        return model.asText();
    }

    private static Long positive(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.canConvertToLong() || value.asLong() < 1) {
            throw OpenAiException.invalid(field, "invalid_value", "'" + field + "' must be a whole number of at least 1");
        }
        return value.asLong();
    }

    private static void number(JsonNode body, String field, String parameter, GeneratorInfo info,
            Map<String, Object> parameters) {
        if (!body.hasNonNull(field)) {
            return;
        }
        if (!body.get(field).isNumber()) {
            throw OpenAiException.invalid(field, "invalid_value", "'" + field + "' must be a number");
        }
        if (declared(info, parameter) == null) {
            if (declared(info, "temperature", "topP", "topK") == null) {
                // temperature and top_p shape sampling; a model that does not sample at all (the Markov example)
                // has nothing they could change, and OpenAI clients send them by default: accepted, no effect
                return;
            }
            throw OpenAiException.unsupported(field, "is not supported by this model; its parameters: "
                    + info.parameterNames());
        }
        parameters.put(parameter, body.get(field).asDouble());
    }

    private static @Nullable String declared(GeneratorInfo info, String... names) {
        for (String name : names) {
            if (info.parameters().stream().map(ParameterSpec::name).anyMatch(name::equals)) {
                return name;
            }
        }
        return null;
    }
}
