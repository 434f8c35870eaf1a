package io.hallmark.textgen;

import java.util.List;

/** Typed reads of GGUF metadata values, each failing with the key and the file named. */
final class GgufMetadata {

    private GgufMetadata() {}

    static List<String> strings(GgufFile gguf, String key) {
        if (!(gguf.require(key) instanceof List<?> list) || list.stream().anyMatch(o -> !(o instanceof String))) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' is not a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A list of {@code expected} numbers, or zeros when the key is absent. */
    static float[] floats(GgufFile gguf, String key, int expected) {
        if (!gguf.metadata().containsKey(key)) {
            return new float[expected];
        }
        List<?> list = numbers(gguf, key, expected);
        float[] out = new float[expected];
        for (int i = 0; i < expected; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }

    static int[] ints(GgufFile gguf, String key, int expected) {
        List<?> list = numbers(gguf, key, expected);
        int[] out = new int[expected];
        for (int i = 0; i < expected; i++) {
            out[i] = ((Number) list.get(i)).intValue();
        }
        return out;
    }

    private static List<?> numbers(GgufFile gguf, String key, int expected) {
        if (!(gguf.require(key) instanceof List<?> list) || (expected >= 0 && list.size() != expected)
                || list.stream().anyMatch(o -> !(o instanceof Number))) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' must hold "
                    + (expected >= 0 ? expected + " " : "") + "numbers");
        }
        return list;
    }

    static boolean flag(GgufFile gguf, String key, boolean fallback) {
        Object v = gguf.metadata().get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' is " + v + ", not a boolean");
        }
        return b;
    }

    static String string(GgufFile gguf, String key, String fallback) {
        Object v = gguf.metadata().get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' is " + v + ", not a string");
        }
        return s;
    }

    /** A number, or {@code fallback} when absent. */
    static double number(GgufFile gguf, String key, double fallback) {
        Object v = gguf.metadata().get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> list) {
            throw perLayer(gguf, key, list);
        }
        if (!(v instanceof Number n)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' is " + v + ", not a number");
        }
        return n.doubleValue();
    }

    /**
     * The refusal of a list where one number was expected: llama.cpp reads {@code feed_forward_length},
     * {@code attention.head_count} and {@code head_count_kv} as one value per layer (pruned models such as Nemotron's),
     * which Hallmark's decoder does not run.
     */
    static ModelFormatException perLayer(GgufFile gguf, String key, List<?> values) {
        return new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' holds " + values.size()
                + " values (one per layer), which Hallmark does not run: every layer must have the same shape");
    }
}
