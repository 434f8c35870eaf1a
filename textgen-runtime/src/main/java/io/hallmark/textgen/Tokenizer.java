package io.hallmark.textgen;

/** Turns text into token ids and token ids back into bytes of text. */
public interface Tokenizer {

    /** Token ids of {@code text}, with the begin-of-sequence token first when {@code bos}. */
    int[] encode(String text, boolean bos);

    /**
     * The bytes {@code token} stands for when it follows {@code previous} (UTF-8; a character may span several
     * tokens).
     */
    byte[] decode(int previous, int token);

    int bos();

    int eos();

    int vocabSize();
}
