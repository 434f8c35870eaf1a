package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token ids of Hallmark's tokenizers against the current llama.cpp's ({@link NodeLlamaCpp}: release v0.5.0 through
 * node-llama-cpp, loading the vocabulary alone) for every kind of vocabulary the conformance suite writes, over
 * {@link TokenizerConformanceTest}'s multilingual corpus (English, code, Chinese, Japanese, Russian, emoji, whitespace
 * runs, digits) and chat-format text with control tokens written in it ({@code </s>}, {@code <|eot_id|>},
 * {@code <|im_end|>}, {@code <end_of_turn>}, {@code <|end|>}, and tokens a vocabulary does not have). Special tokens
 * are parsed, no BOS is added; whether each adds BOS is compared too. Every text of every vocabulary must give the
 * same ids: a difference is a bug, not a bound. About one to two seconds of Node per vocabulary.
 */
class CurrentTokenizerConformanceTest {

    /** Chat-format text of the supported families, with whitespace around and between control tokens. */
    static final List<String> CHAT = List.of(
            "first</s>second </s> third</s>\n\nfourth",
            "<s>[INST] Hello, who are you? [/INST] I am fine.</s>",
            "<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\n你好，世界 👋<|im_end|>\n<|im_start|>assistant\n",
            "<start_of_turn>user\nWrite code<end_of_turn>\n<start_of_turn>model\n",
            "<|system|>\nBe brief.<|end|>\n<|user|>\n  Hi there <|end|>\n<|assistant|>\n",
            "<|eot_id|>   \n\n  x<|eot_id|>\t<|im_end|> \n y",
            "<|endoftext|> after <|endoftext|>");

    static final List<String> CORPUS = Stream.concat(TokenizerConformanceTest.CORPUS.stream(), CHAT.stream()).toList();

    @TempDir
    Path temp;

    /** The kinds of vocabulary the conformance suite writes, each with its family's control tokens. */
    enum Vocabulary {
        /** SentencePiece with byte fallback and the space prefix (Llama 2, Mistral): stories260K's pieces. */
        SENTENCEPIECE("llama", true, List.of("<|eot_id|>", "<|im_end|>"), "conformance"),
        /** Gemma's SentencePiece: no space prefix ({@code add_space_prefix = false}), its turn tokens. */
        SENTENCEPIECE_GEMMA_NO_SPACE_PREFIX("gemma3", false, List.of("<start_of_turn>", "<end_of_turn>"), "conformance"),
        /** Phi-3's SentencePiece under the phi3 architecture, with its chat tokens, under a neutral name. */
        SENTENCEPIECE_PHI3("phi3", true, List.of("<|endoftext|>", "<|end|>", "<|system|>", "<|user|>", "<|assistant|>"),
                "conformance"),
        /**
         * The same named as many Phi-3 files are ({@code general.name} "Phi3"): llama.cpp then strips the whitespace
         * after Phi-3's control tokens (all but {@code <unk>}, {@code <s>} and {@code <|endoftext|>}) and after
         * {@code </s>}.
         */
        SENTENCEPIECE_PHI3_NAMED_PHI3("phi3", true, List.of("<|endoftext|>", "<|end|>", "<|system|>", "<|user|>",
                "<|assistant|>"), "Phi3"),
        /** Llama 3's byte-level BPE ({@code tokenizer.ggml.pre = llama-bpe}). */
        LLAMA_BPE("llama", true, List.of(), "conformance"),
        /** Qwen2's byte-level BPE ({@code qwen2}) with ChatML's tokens. */
        QWEN2_BPE("qwen2", true, List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>"), "conformance"),
        /** GPT-2's own pre-tokenizer ({@code gpt-2}), the default of a {@code gpt2} vocabulary that names none. */
        GPT2_BPE("llama", true, List.of("<|endoftext|>"), "conformance");

        final String architecture;
        final boolean spacePrefix;
        final List<String> control;
        final String name;

        Vocabulary(String architecture, boolean spacePrefix, List<String> control, String name) {
            this.architecture = architecture;
            this.spacePrefix = spacePrefix;
            this.control = control;
            this.name = name;
        }

        boolean bpe() {
            return name().endsWith("_BPE");
        }

        /** Writes a tiny random-weight model of this vocabulary. */
        Path write(Path file) {
            GgufVocabulary vocab;
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (bpe()) {
                String pre = switch (this) {
                    case LLAMA_BPE -> "llama-bpe";
                    case QWEN2_BPE -> "qwen2";
                    default -> "gpt-2";
                };
                vocab = BpeVocabularies.train(pre, 400, false, this == LLAMA_BPE, control);
            } else {
                SentencePieceTokenizer stories = (SentencePieceTokenizer) TestModels.storiesBin().tokenizer();
                List<String> tokens = new ArrayList<>(stories.ggufTokens());
                tokens.set(1, "<s>"); // llama2.c's stories vocabulary spells them "\n<s>\n" and "\n</s>\n"
                tokens.set(2, "</s>");
                tokens.addAll(control);
                float[] scores = Arrays.copyOf(stories.scores(), tokens.size());
                int[] types = Arrays.copyOf(stories.ggufTokenTypes(), tokens.size());
                Arrays.fill(types, stories.vocabSize(), types.length, SpecialTokens.CONTROL);
                vocab = SentencePieceTokenizer.fromGguf(tokens, scores, 1, 2);
                metadata.put("tokenizer.ggml.token_type", types);
                metadata.put("tokenizer.ggml.add_space_prefix", spacePrefix);
            }
            Architecture arch = switch (architecture) {
                case "gemma3" -> Architecture.GEMMA3.toBuilder().slidingWindow(16).build();
                default -> Architecture.of(architecture);
            };
            LlamaConfig shape = new LlamaConfig(64, 128, 1, 4, 4, vocab.vocabSize(), 256, 1e-5f, 10000f,
                    arch.scaledEmbedding(), arch);
            GgufWriter.write(file, shape, vocab, n -> RandomModels.values(n, shape, 3), TensorType.F32, name, null,
                    metadata);
            return file;
        }
    }

    @ParameterizedTest
    @EnumSource(Vocabulary.class)
    void tokenIdsMatchTheCurrentLlamaCpp(Vocabulary kind) throws Exception {
        Path file = kind.write(temp.resolve(kind + ".gguf"));
        Tokenizer ours = GgufLoader.load(file).tokenizer();
        assertThat(ours).isInstanceOf(kind.bpe() ? BpeTokenizer.class : SentencePieceTokenizer.class);
        NodeLlamaCpp.Result cpp = NodeLlamaCpp.tokenize(file, CORPUS);
        boolean addsBos = ours.encode("x", true, true).length > ours.encode("x", false, true).length;
        assertThat(cpp.addBos()).as("%s: whether llama.cpp adds BOS", kind).isEqualTo(addsBos);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            int[] mine = ours.encode(CORPUS.get(i), false, true);
            if (!Arrays.equals(mine, cpp.tokens().get(i))) {
                differences.add(String.format("'%s':%n  Hallmark  %s%n  llama.cpp %s", CORPUS.get(i).replace("\n", "\\n"),
                        Arrays.toString(mine), Arrays.toString(cpp.tokens().get(i))));
            }
        }
        assertThat(differences).as("%s: texts whose ids differ from llama.cpp %s's", kind,
                cpp.llamaCpp().path("release").asText()).isEmpty();
        GgufVocabulary vocab = (GgufVocabulary) ours;
        for (String control : kind.control) {
            int id = ours.tokenId(control);
            assertThat(id).as("%s has %s", kind, control).isPositive();
            assertThat(ours.encode("a" + control + "b", false, true)).as("%s written in text", control).contains(id);
            assertThat(ours.encode("a" + control + "b", false, false)).as("%s as literal text", control).doesNotContain(id);
            assertThat(vocab.tokenText(id)).isEqualTo(control);
        }
        System.out.printf("%s: %d texts, ids identical to llama.cpp %s%n", kind, CORPUS.size(),
                cpp.llamaCpp().path("release").asText());
    }
}
