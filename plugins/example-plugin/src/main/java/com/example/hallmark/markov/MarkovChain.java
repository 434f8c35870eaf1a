package com.example.hallmark.markov;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/** A word-level Markov chain of a fixed order, built from a corpus; immutable once built. */
final class MarkovChain {

    private static final Pattern WORDS = Pattern.compile("\\s+");

    private final int order;
    private final Map<List<String>, List<String>> next = new HashMap<>();
    private final List<List<String>> starts = new ArrayList<>();

    MarkovChain(String corpus, int order) {
        this.order = order;
        String[] words = WORDS.split(corpus.strip());
        for (int i = 0; i + order < words.length; i++) {
            List<String> state = List.of(words).subList(i, i + order);
            List<String> key = List.copyOf(state);
            next.computeIfAbsent(key, k -> new ArrayList<>()).add(words[i + order]);
            if (i == 0 || words[i - 1].endsWith(".")) {
                starts.add(key);
            }
        }
        if (next.isEmpty()) {
            throw new IllegalArgumentException("The corpus has fewer than " + (order + 1) + " words");
        }
    }

    int order() {
        return order;
    }

    /** A state to start from: the words after the prompt when the chain knows them, else a sentence start. */
    List<String> start(String prompt, Random random) {
        String[] words = WORDS.split(prompt.strip());
        if (words.length >= order) {
            List<String> tail = List.of(words).subList(words.length - order, words.length);
            if (next.containsKey(tail)) {
                return List.copyOf(tail);
            }
        }
        return starts.get(random.nextInt(starts.size()));
    }

    /** The next word after {@code state}, or {@code null} at a dead end. */
    String next(List<String> state, Random random) {
        List<String> candidates = next.get(state);
        return candidates == null ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
