package io.hallmark.governance.safety.guard;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One text the guard judges.
 *
 * @param input its name in the governance report: {@code prompt}, {@code documents[0]}, {@code text} (the output)
 * @param text the text judged
 * @param prompt for an output, the prompt it answers (the guard judges the reply in its conversation); else
 *     {@code null}
 */
public record GuardInput(String input, String text, @Nullable String prompt) {

    public GuardInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(text, "text");
    }

    /** A text a user sends (the prompt, or a document sent beside it), judged as the user's turn. */
    public static GuardInput request(String input, String text) {
        return new GuardInput(input, text, null);
    }

    /** Generated text, judged as the assistant's reply to the prompt. */
    public static GuardInput output(String prompt, String text) {
        return new GuardInput("text", text, prompt);
    }

    /** Whether this is an output judged as a reply. */
    public boolean reply() {
        return prompt != null;
    }
}
