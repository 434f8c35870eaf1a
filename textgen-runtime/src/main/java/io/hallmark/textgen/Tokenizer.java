package io.hallmark.textgen;

/**
 * Turns text into token ids and token ids back into bytes of text. {@code encode(...).length} is the token count
 * a model sees (what {@code usage} reports).
 */
public interface Tokenizer {

    /**
     * Token ids of {@code text}.
     *
     * @param addSpecial add the begin/end-of-sequence tokens the model asks for (GGUF {@code
     *     tokenizer.ggml.add_bos_token} / {@code add_eos_token}; a SentencePiece model adds BOS unless it says not to)
     * @param parseSpecial take control tokens written in the text ({@code </s>}, {@code <|eot_id|>}) as those tokens;
     *     when false they are ordinary text. Never true for text from an untrusted party inside a larger prompt.
     */
    int[] encode(String text, boolean addSpecial, boolean parseSpecial);

    /**
     * Token ids of {@code text} with control tokens parsed everywhere except in the characters whose bits are set in
     * {@code literal}: how a rendered chat template is tokenized, its messages' contents kept literal.
     */
    default int[] encode(String text, boolean addSpecial, java.util.BitSet literal) {
        if (!literal.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot keep parts of a text literal");
        }
        return encode(text, addSpecial, true);
    }

    /** {@link #encode(String, boolean, boolean)} with control tokens in the text left as text. */
    default int[] encode(String text, boolean addSpecial) {
        return encode(text, addSpecial, false);
    }

    /**
     * The bytes {@code token} stands for when it follows {@code previous} (UTF-8; a character may span several
     * tokens). Control tokens stand for no text.
     */
    byte[] decode(int previous, int token);

    int bos();

    int eos();

    int vocabSize();

    /** Whether generating {@code token} ends the generation: end of sequence, end of turn, end of message. */
    default boolean endsGeneration(int token) {
        return token == eos();
    }

    /** The id of the token spelled {@code text} (e.g. {@code <|eot_id|>}), or -1 when there is none. */
    default int tokenId(String text) {
        return -1;
    }
}
