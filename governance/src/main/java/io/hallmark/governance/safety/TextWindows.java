package io.hallmark.governance.safety;

import io.hallmark.retrieval.embed.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a tokenized text into windows the embedding model reads whole ({@link Tokens#windowSize()} word pieces, 126
 * for all-MiniLM-L6-v2), so that a screen reads every word piece of a long text. Windows end at sentence starts
 * where they can; a sentence longer than a window is cut into windows that overlap by {@link #OVERLAP} word pieces,
 * never inside a word when it can be helped; consecutive windows of sentences share a short sentence (at most
 * {@link #OVERLAP} pieces), so that two sentences that belong together are also read together. Stateless.
 */
final class TextWindows {

    /** Word pieces two windows share where a window boundary falls inside a sentence, or a short shared sentence. */
    static final int OVERLAP = 16;

    private TextWindows() {}

    /**
     * Windows that cover every word piece of the text: its sentences (character bounds, in order) packed into windows
     * of at most {@code size} pieces (and at most {@link Tokens#windowSize()}); no window crosses a character offset in
     * {@code cuts} (the bounds of data pasted into a prompt, so that the windows inside a span are the span's own). A
     * text of at most one window is one window.
     */
    static List<Tokens.Window> covering(Tokens tokens, List<int[]> sentences, List<Integer> cuts, int size) {
        if (tokens.size() == 0) {
            return List.of();
        }
        int max = Math.min(size, tokens.windowSize());
        List<int[]> units = units(tokens, sentences, cuts, max);
        List<Integer> cutTokens = cuts.stream().map(tokens::tokenAt).toList();
        List<Tokens.Window> out = new ArrayList<>();
        int k = 0;
        while (k < units.size()) {
            int from = units.get(k)[0];
            int to = units.get(k)[1];
            int next = k + 1;
            while (next < units.size() && units.get(next)[1] - from <= max && !cutTokens.contains(units.get(next)[0])) {
                to = units.get(next)[1];
                next++;
            }
            out.add(tokens.window(from, to));
            if (next < units.size() && next - k >= 2 && !cutTokens.contains(units.get(next)[0])) {
                int[] last = units.get(next - 1);
                if (last[1] - last[0] <= OVERLAP && units.get(next)[1] - last[0] <= max) {
                    next--; // the next window opens with this window's short last sentence
                }
            }
            k = next;
        }
        return out;
    }

    /**
     * Windows for each sentence on its own (character bounds, in order): one window a sentence, several overlapping
     * ones for a sentence longer than a window. Sentences without word pieces are left out.
     */
    static List<Tokens.Window> eachSentence(Tokens tokens, List<int[]> sentences) {
        List<Tokens.Window> out = new ArrayList<>();
        for (int[] s : sentences) {
            int from = tokens.tokenAt(s[0]);
            int to = tokens.tokenAt(s[1]);
            if (to > from) {
                out.addAll(cut(tokens, from, to, tokens.windowSize()));
            }
        }
        return out;
    }

    /**
     * The text's word pieces in runs that each start at a sentence start or a cut: run k spans from its start to the
     * next run's start, so the runs cover every piece (the text between sentences included); a run longer than a
     * window is cut into overlapping windows' ranges.
     */
    private static List<int[]> units(Tokens tokens, List<int[]> sentences, List<Integer> cuts, int max) {
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
        starts.add(0);
        sentences.forEach(s -> starts.add(tokens.tokenAt(s[0])));
        cuts.forEach(c -> starts.add(tokens.tokenAt(c)));
        starts.removeIf(t -> t >= tokens.size());
        List<int[]> out = new ArrayList<>();
        List<Integer> ordered = new ArrayList<>(starts);
        for (int i = 0; i < ordered.size(); i++) {
            int from = ordered.get(i);
            int to = i + 1 < ordered.size() ? ordered.get(i + 1) : tokens.size();
            for (Tokens.Window w : cut(tokens, from, to, max)) {
                out.add(new int[] {w.from(), w.to()});
            }
        }
        return out;
    }

    /**
     * Pieces {@code from..to} as windows of at most {@code max} pieces: one when they fit, else windows
     * overlapping by {@link #OVERLAP} pieces, each ending before a word start where one is within a quarter window.
     */
    static List<Tokens.Window> cut(Tokens tokens, int from, int to, int max) {
        if (to - from <= max) {
            return List.of(tokens.window(from, to));
        }
        int overlap = Math.min(OVERLAP, max / 4);
        List<Tokens.Window> out = new ArrayList<>();
        int start = from;
        while (true) {
            int end = Math.min(to, start + max);
            if (end == to) {
                out.add(tokens.window(start, end));
                return out;
            }
            int wordStart = end;
            while (wordStart > start + max - max / 4 && tokens.continuesWord(wordStart)) {
                wordStart--;
            }
            if (!tokens.continuesWord(wordStart)) {
                end = wordStart;
            }
            out.add(tokens.window(start, end));
            int next = Math.max(start + 1, end - overlap);
            while (next < end && next > start + 1 && tokens.continuesWord(next)) {
                next--;
            }
            start = next;
        }
    }
}
