package io.hallmark.governance.safety;

import java.util.Objects;

/**
 * One input of a request as the screens read it.
 *
 * @param input its name in the governance report: {@code prompt} (the user's instruction), {@code documents[0]} (a
 *     document sent with the request), {@code kb:<knowledge base>/<source id>} (a knowledge-base document at ingest)
 * @param text its text
 * @param data whether it is untrusted data (only the injection screen reads it) rather than the instruction (which
 *     the injection, jailbreak and harmful-request screens read)
 */
public record ScreenInput(String input, String text, boolean data) {

    public ScreenInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(text, "text");
    }

    /** The user's instruction, named {@code prompt}. */
    public static ScreenInput instruction(String prompt) {
        return new ScreenInput("prompt", prompt, false);
    }

    /** Untrusted data named {@code input}. */
    public static ScreenInput data(String input, String text) {
        return new ScreenInput(input, text, true);
    }
}
