package io.hallmark.textgen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-level BPE vocabularies trained here on a small multilingual text (merges learned the GPT-2 way: the most
 * frequent adjacent pair within pre-tokenized words, repeatedly), with Llama 3's control tokens at the end.
 */
final class BpeVocabularies {

    static final String TRAINING = """
            The quick brown fox jumps over the lazy dog. It's what we'd do, isn't it? They'll say I'm RIGHT.
            public static void main(String[] args) {
                for (int i = 0; i < 10; i++) {
                    System.out.println("value: " + i * 1234);
                }
            }
            def tokenize(text):\n\treturn [t for t in text.split() if t]  # comment
            机器学习是人工智能的一个分支。我们今天去公园散步，天气很好。
            Hallmark governs content 😀👍🏽 🇩🇪 ❤️ café naïve résumé Straße
            Москва — столица России. 日本語のテキストも少しあります。
            numbers 3.14159 2024-12-07 1000000 $42.50 100%
            """;

    static final List<String> CONTROL = List.of("<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>",
            "<|end_header_id|>", "<|eot_id|>");

    private BpeVocabularies() {}

    /**
     * A vocabulary for {@code pre} of every byte (or only printable ASCII and the newline when {@code asciiOnly}),
     * {@code merges} merges, and the control tokens; BOS {@code <|begin_of_text|>}, EOS {@code <|end_of_text|>},
     * EOT {@code <|eot_id|>}.
     */
    static BpeTokenizer train(String pre, int merges, boolean asciiOnly, boolean addBos) {
        return train(pre, merges, asciiOnly, addBos, List.of());
    }

    /** As {@link #train(String, int, boolean, boolean)}, with {@code moreControl} after Llama 3's control tokens. */
    static BpeTokenizer train(String pre, int merges, boolean asciiOnly, boolean addBos, List<String> moreControl) {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            if (!asciiOnly || (b >= 0x20 && b < 0x7f) || b == '\n') {
                tokens.add(BpeTokenizer.byteLevel(new byte[] {(byte) b}));
            }
        }
        BpeTokenizer.PreTokenizer splitter = BpeTokenizer.PreTokenizer.of(pre, "test");
        List<List<String>> words = new ArrayList<>();
        String text = asciiOnly ? TRAINING.replaceAll("[^\\x20-\\x7e\\n]", "") : TRAINING;
        var m = splitter.pattern.matcher(text);
        while (m.find()) {
            String spelled = BpeTokenizer.byteLevel(m.group().getBytes(StandardCharsets.UTF_8));
            List<String> symbols = new ArrayList<>();
            spelled.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
            words.add(symbols);
        }
        List<String> mergeList = new ArrayList<>();
        for (int k = 0; k < merges; k++) {
            Map<String, Integer> counts = new HashMap<>();
            for (List<String> w : words) {
                for (int i = 0; i + 1 < w.size(); i++) {
                    counts.merge(w.get(i) + " " + w.get(i + 1), 1, Integer::sum);
                }
            }
            String best = counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(null);
            if (best == null) {
                break;
            }
            mergeList.add(best);
            String left = best.substring(0, best.indexOf(' '));
            String right = best.substring(best.indexOf(' ') + 1);
            if (!tokens.contains(left + right)) {
                tokens.add(left + right);
            }
            for (List<String> w : words) {
                for (int i = 0; i + 1 < w.size(); i++) {
                    if (w.get(i).equals(left) && w.get(i + 1).equals(right)) {
                        w.set(i, left + right);
                        w.remove(i + 1);
                    }
                }
            }
        }
        int firstControl = tokens.size();
        tokens.addAll(CONTROL);
        tokens.addAll(moreControl);
        int[] types = new int[tokens.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = i >= firstControl ? SpecialTokens.CONTROL : SpecialTokens.NORMAL;
        }
        SpecialTokenIds special = new SpecialTokenIds(firstControl, firstControl + 1, firstControl + 4, -1, addBos, false);
        return new BpeTokenizer(tokens, types, mergeList, pre, special);
    }

}
