package io.hallmark.textgen;

/**
 * What one generation produced.
 *
 * @param text the generated text (without the prompt and without the stop sequence)
 * @param promptTokens tokens in the prompt, BOS included
 * @param outputTokens tokens generated
 * @param finish why generation ended
 * @param prefillNanos time from admission to the first token's logits
 * @param decodeNanos time spent after the first token
 */
public record Completion(String text, int promptTokens, int outputTokens, Finish finish, long prefillNanos,
        long decodeNanos) {

    /** Why generation ended. */
    public enum Finish {
        /** The model produced its end-of-sequence token. */
        EOS,
        /** The maximum number of tokens was reached. */
        LENGTH,
        /** A stop sequence appeared. */
        STOP,
        /** The sequence filled the model's context. */
        CONTEXT,
        /** The caller cancelled. */
        CANCELLED
    }
}
