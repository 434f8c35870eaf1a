package io.hallmark.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One message of a conversation, as an OpenAI-compatible client sends it: a role and its text. A generator that
 * declares a {@link ParameterSpec#messages messages} parameter receives the conversation with its roles and formats
 * it for its model (a chat template when the model has one, {@link #transcript} otherwise); every other generator,
 * and the governance screens, read the conversation as {@link #transcript}, which is the request's prompt.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the message's text
 */
public record ChatTurn(String role, String content) {

    /** The roles a conversation may use. */
    public static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Role '" + role + "' is not one of " + new java.util.TreeSet<>(ROLES));
        }
    }

    /** The turn's JSON form, as it travels in a request's parameters. */
    public Map<String, Object> toMap() {
        return Map.of("role", role, "content", content);
    }

    /**
     * The conversation as one role-tagged text: a lone user message is its own text; otherwise each message is
     * {@code Role: text}, separated by blank lines, and the text ends with {@code Assistant:} for the model to
     * continue. This is the prompt a conversation is screened and generated from when no chat template applies.
     *
     * @throws IllegalArgumentException when {@code turns} is empty
     */
    public static String transcript(List<ChatTurn> turns) {
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("A conversation needs at least one message");
        }
        if (turns.size() == 1 && turns.getFirst().role().equals("user")) {
            return turns.getFirst().content();
        }
        StringBuilder text = new StringBuilder();
        for (ChatTurn turn : turns) {
            text.append(tag(turn.role())).append(": ").append(turn.content()).append("\n\n");
        }
        return text.append(tag("assistant")).append(':').toString();
    }

    private static String tag(String role) {
        return role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
    }
}
