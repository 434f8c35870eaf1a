package io.hallmark.api;

/**
 * How much a generation produced and consumed.
 *
 * @param promptTokens tokens in the prompt (text and code), 0 otherwise
 * @param outputTokens tokens generated (text and code), 0 otherwise
 * @param frames images or video frames produced, 0 for text
 */
public record Usage(long promptTokens, long outputTokens, long frames) {

    /** Nothing counted. */
    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage {
        if (promptTokens < 0 || outputTokens < 0 || frames < 0) {
            throw new IllegalArgumentException("Usage counts must not be negative: " + promptTokens + ", "
                    + outputTokens + ", " + frames);
        }
    }

    public static Usage tokens(long prompt, long output) {
        return new Usage(prompt, output, 0);
    }

    public static Usage frames(long frames) {
        return new Usage(0, 0, frames);
    }
}
