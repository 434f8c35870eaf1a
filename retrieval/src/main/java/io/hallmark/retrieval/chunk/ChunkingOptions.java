package io.hallmark.retrieval.chunk;

/**
 * How to cut text into chunks.
 *
 * @param maxChars the most characters in one chunk (a longer single sentence is cut at spaces)
 * @param overlapChars how many characters of trailing whole sentences to repeat at the start of the next
 *     chunk of the same section; 0 for none
 */
public record ChunkingOptions(int maxChars, int overlapChars) {

    /** 800 characters (about 200 tokens, inside MiniLM's 256-token window) with 120 characters of overlap. */
    public static final ChunkingOptions DEFAULT = new ChunkingOptions(800, 120);

    public ChunkingOptions {
        if (maxChars < 50 || maxChars > 20_000) {
            throw new IllegalArgumentException("Chunk size must be between 50 and 20000 characters, got " + maxChars);
        }
        if (overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("Chunk overlap must be between 0 and half the chunk size ("
                    + maxChars / 2 + "), got " + overlapChars);
        }
    }
}
