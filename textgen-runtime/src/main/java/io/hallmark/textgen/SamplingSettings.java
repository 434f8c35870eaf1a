package io.hallmark.textgen;

import java.util.List;

/**
 * How to pick each next token and when to stop.
 *
 * @param maxTokens the most tokens to generate
 * @param temperature 0 for greedy decoding; higher flattens the distribution
 * @param topK keep only the k most likely tokens (0 keeps all)
 * @param topP keep the smallest set of tokens whose probabilities add up to p (1 keeps all)
 * @param repetitionPenalty divides positive and multiplies negative logits of tokens already seen (1 disables)
 * @param stop stop sequences: generation ends before the first occurrence of any, which is not part of the text
 * @param seed the random seed for sampling
 */
public record SamplingSettings(int maxTokens, double temperature, int topK, double topP, double repetitionPenalty,
        List<String> stop, long seed) {

    public SamplingSettings {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, not " + maxTokens);
        }
        if (!(temperature >= 0) || topK < 0 || !(topP > 0 && topP <= 1) || !(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("Invalid sampling settings: temperature " + temperature + " (>= 0), topK "
                    + topK + " (>= 0), topP " + topP + " (0..1], repetitionPenalty " + repetitionPenalty + " (> 0)");
        }
        stop = stop.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Greedy decoding of up to {@code maxTokens} tokens. */
    public static SamplingSettings greedy(int maxTokens) {
        return new SamplingSettings(maxTokens, 0, 0, 1, 1, List.of(), 0);
    }

    public SamplingSettings withStop(List<String> newStop) {
        return new SamplingSettings(maxTokens, temperature, topK, topP, repetitionPenalty, newStop, seed);
    }
}
