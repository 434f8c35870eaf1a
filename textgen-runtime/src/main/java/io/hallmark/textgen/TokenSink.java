package io.hallmark.textgen;

/** Receives generated text as it is produced, on the calling thread. */
@FunctionalInterface
public interface TokenSink {

    /** A piece of text; the pieces of one generation add up to its final text. */
    void accept(String piece);
}
