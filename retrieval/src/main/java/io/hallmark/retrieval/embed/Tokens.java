package io.hallmark.retrieval.embed;

import java.util.Objects;

/**
 * A text as an embedder's tokenizer reads it, tokenized once and never truncated: its word pieces with the characters
 * each covers, so that a reader can cut the text into windows the model reads whole ({@link Window}) and have them
 * embedded from these ids without tokenizing any piece again ({@link Embedder#embedWithWindows}).
 */
public final class Tokens {

    private final String text;
    private final long[] ids;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] continuation;
    private final long[] head;
    private final long[] tail;
    private final int windowSize;

    /**
     * @param text the text
     * @param ids the id of each word piece of the text
     * @param starts the first character of each word piece in {@code text}
     * @param ends one past the last character of each word piece
     * @param continuation whether each word piece continues the word before it (a window never starts there if it can)
     * @param head the ids the model reads before a window's pieces ({@code [CLS]} and the model's text prefix)
     * @param tail the ids it reads after them ({@code [SEP]})
     * @param windowSize the most word pieces of the text one model input reads (the model's limit less head and tail)
     */
    Tokens(String text, long[] ids, int[] starts, int[] ends, boolean[] continuation, long[] head, long[] tail,
            int windowSize) {
        if (ids.length != starts.length || ids.length != ends.length || ids.length != continuation.length) {
            throw new IllegalArgumentException("ids, starts, ends and continuation differ in length");
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1, got " + windowSize);
        }
        this.text = Objects.requireNonNull(text, "text");
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
        this.continuation = continuation;
        this.head = head;
        this.tail = tail;
        this.windowSize = windowSize;
    }

    public String text() {
        return text;
    }

    /** The number of word pieces of the text (no special tokens, no prefix). */
    public int size() {
        return ids.length;
    }

    /** The most word pieces one model input reads: a text of more is read only in part when embedded whole. */
    public int windowSize() {
        return windowSize;
    }

    /** The first character of word piece {@code token}. */
    public int start(int token) {
        return starts[token];
    }

    /** One past the last character of word piece {@code token}. */
    public int end(int token) {
        return ends[token];
    }

    /** Whether word piece {@code token} continues the word of the piece before it ({@code ##ing}). */
    public boolean continuesWord(int token) {
        return continuation[token];
    }

    /** The first word piece that starts at or after character {@code offset} ({@link #size()} when none does). */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = ids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The part of the text from character {@code start} to {@code end} as tokens of its own (offsets in that part),
     * without tokenizing it again: the word pieces that lie within it. Empty when a word piece straddles either bound
     * (the caller then tokenizes the part itself).
     */
    public java.util.Optional<Tokens> part(int start, int end) {
        int from = tokenAt(start);
        int to = tokenAt(end);
        if ((from > 0 && ends[from - 1] > start) || (to > from && ends[to - 1] > end)
                || (from < ids.length && continuation[from] && from > 0 && ends[from - 1] == starts[from])) {
            return java.util.Optional.empty();
        }
        int n = to - from;
        int[] s = new int[n];
        int[] e = new int[n];
        for (int k = 0; k < n; k++) {
            s[k] = starts[from + k] - start;
            e[k] = ends[from + k] - start;
        }
        boolean[] c = java.util.Arrays.copyOfRange(continuation, from, to);
        if (n > 0) {
            c[0] = false;
        }
        return java.util.Optional.of(new Tokens(text.substring(start, end), java.util.Arrays.copyOfRange(ids, from, to),
                s, e, c, head, tail, windowSize));
    }

    /** The window of word pieces {@code from} (inclusive) to {@code to} (exclusive). */
    public Window window(int from, int to) {
        return new Window(this, from, to);
    }

    /** The ids one model input reads for word pieces {@code from..to}: head, those pieces, tail. */
    long[] inputIds(int from, int to) {
        long[] out = new long[head.length + (to - from) + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(ids, from, out, head.length, to - from);
        System.arraycopy(tail, 0, out, head.length + to - from, tail.length);
        return out;
    }

    /**
     * Word pieces {@code from} (inclusive) to {@code to} (exclusive) of a text, read as one model input: at least one
     * piece and at most {@link Tokens#windowSize()}.
     */
    public record Window(Tokens tokens, int from, int to) {

        public Window {
            Objects.requireNonNull(tokens, "tokens");
            if (from < 0 || to > tokens.size() || to <= from || to - from > tokens.windowSize()) {
                throw new IllegalArgumentException("A window of pieces " + from + ".." + to + " of a text of "
                        + tokens.size() + " pieces, at most " + tokens.windowSize() + " a window");
            }
        }

        /** The window's first character in the text. */
        public int start() {
            return tokens.start(from);
        }

        /** One past its last character. */
        public int end() {
            return tokens.end(to - 1);
        }

        /** The characters it covers. */
        public String text() {
            return tokens.text().substring(start(), end());
        }

        /** Its word pieces. */
        public int size() {
            return to - from;
        }
    }
}
