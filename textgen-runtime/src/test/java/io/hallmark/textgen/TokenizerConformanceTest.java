package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token ids of Hallmark's tokenizers against llama.cpp's (de.kherud:llama) on the same GGUF vocabularies, over a
 * multilingual corpus: English, code, Chinese, Japanese, Russian, emoji (with skin tones, flags and ZWJ
 * sequences), whitespace runs, digits, contractions, and control tokens written in the text.
 */
class TokenizerConformanceTest {

    static final List<String> CORPUS = List.of(
            "Hello world",
            " leading space and trailing   ",
            "It's what they'd've DONE, isn't it? I'M sure you'LL see.",
            "public static void main(String[] args) {\n    return x -> x * 2;\n}\n",
            "def f(a, b):\n\tif a:\n\t\treturn b  # done\n\n\n",
            "机器学习是人工智能的一个分支，我们今天去公园。",
            "日本語のテキスト、カタカナとひらがな。",
            "Москва — столица России, а Київ — України.",
            "emoji 😀👍🏽 family 👨‍👩‍👧‍👦 flags 🇩🇪🇯🇵 heart ❤️ done",
            "     \n\n\t\t   \r\n  spaces   and\ttabs\u00a0nbsp \u3000ideographic",
            "numbers 3.14159 2024-12-07 1000000 $42.50 100% 12345678901",
            "café naïve résumé Straße ÀÉÎÕÜ",
            "<|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            "text <|eot_id|>inside<|end_of_text|> and <|not_a_token|>",
            "a",
            "");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"llama-bpe", "qwen2"})
    void byteLevelBpeIdsMatchLlamaCpp(String pre) {
        BpeTokenizer vocab = BpeVocabularies.train(pre, 400, false, pre.equals("llama-bpe"));
        Path file = temp.resolve(pre + ".gguf");
        LlamaConfig shape = new LlamaConfig(64, 128, 1, 4, 4, vocab.vocabSize(), 256, 1e-5f, 10000f, false);
        GgufWriter.write(file, shape, vocab, n -> RandomModels.values(n, shape, 3), TensorType.F32, pre);
        Tokenizer loaded = GgufLoader.load(file).tokenizer();
        assertThat(loaded).isInstanceOf(BpeTokenizer.class);
        try (de.kherud.llama.LlamaModel cpp = LlamaCppConformanceTest.llamaCpp(file)) {
            for (String text : CORPUS) {
                assertThat(loaded.encode(text, false, true)).as("%s tokens of '%s'", pre, text)
                        .containsExactly(cpp.encode(text));
                assertThat(new String(decode(loaded, loaded.encode(text, false, false)), java.nio.charset.StandardCharsets.UTF_8))
                        .as("decoding %s tokens of '%s' (control tokens kept as text)", pre, text).isEqualTo(text);
            }
        }
    }

    @Test
    void sentencePieceIdsMatchLlamaCpp() {
        // the stories260K vocabulary: SentencePiece with byte fallback tokens
        GgufVocabulary stories = (GgufVocabulary) TestModels.storiesBin().tokenizer();
        Path file = temp.resolve("spm.gguf");
        LlamaConfig shape = new LlamaConfig(64, 128, 1, 4, 4, stories.vocabSize(), 256, 1e-5f, 10000f, false);
        GgufWriter.write(file, shape, stories, n -> RandomModels.values(n, shape, 3), TensorType.F32, "spm");
        Tokenizer loaded = GgufLoader.load(file).tokenizer();
        try (de.kherud.llama.LlamaModel cpp = LlamaCppConformanceTest.llamaCpp(file)) {
            for (String text : CORPUS) {
                if (!text.isEmpty()) { // llama.cpp's SentencePiece encodes "" as nothing, even without BOS
                    assertThat(loaded.encode(text, false, true)).as("SentencePiece tokens of '%s'", text)
                            .containsExactly(cpp.encode(text));
                }
            }
            String eos = ((SentencePieceTokenizer) stories).ggufTokens().get(stories.eos()); // "\n</s>\n" in this vocabulary
            assertThat(loaded.encode("a" + eos + "b", false, true)).as("EOS written in the text")
                    .containsExactly(cpp.encode("a" + eos + "b")).contains(loaded.eos());
            assertThat(loaded.encode("a" + eos + "b", false, false)).doesNotContain(loaded.eos());
        }
    }

    @Test
    void addBosTokenFalseAddsNoBosAndEndOfTurnEndsGeneration() {
        BpeTokenizer withBos = BpeVocabularies.train("llama-bpe", 50, true, true);
        BpeTokenizer without = BpeVocabularies.train("qwen2", 50, true, false);
        assertThat(withBos.encode("hi", true)[0]).isEqualTo(withBos.bos());
        assertThat(without.encode("hi", true)).doesNotContain(without.bos()).containsExactly(without.encode("hi", false));
        int eot = withBos.tokenId("<|eot_id|>");
        assertThat(withBos.endsGeneration(eot)).isTrue();
        assertThat(withBos.endsGeneration(withBos.eos())).isTrue();
        assertThat(withBos.endsGeneration(withBos.tokenId("<|start_header_id|>"))).isFalse();
        assertThat(withBos.decode(0, eot)).isEmpty();
    }

    static byte[] decode(Tokenizer t, int[] ids) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int prev = -1;
        for (int id : ids) {
            out.writeBytes(t.decode(prev, id));
            prev = id;
        }
        return out.toByteArray();
    }
}
