package io.hallmark.imagegen.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ClipTokenizerTest {

    static final java.util.List<String> FIXTURES = Fixtures.NAMES;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void tokenizesEveryReferenceExampleLikeHuggingFace(String fixture) throws IOException {
        ClipTokenizer tokenizer = ClipTokenizer.read(Fixtures.dir(fixture).resolve("tokenizer"));
        JsonNode examples = Fixtures.reference(fixture).get("tokenizer_examples");
        assertThat(examples.size()).isEqualTo(15);
        for (Map.Entry<String, JsonNode> e : examples.properties()) {
            int[] expected = Fixtures.ints(e.getValue());
            int[] ids = tokenizer.encode(e.getKey());
            assertThat(Arrays.copyOf(ids, expected.length)).as("'%s'", e.getKey()).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void padsThePromptAndTheEmptyNegativePromptTo77(String fixture) throws IOException {
        ClipTokenizer tokenizer = ClipTokenizer.read(Fixtures.dir(fixture).resolve("tokenizer"));
        JsonNode ref = Fixtures.reference(fixture);
        assertThat(tokenizer.maxLength()).isEqualTo(77);
        assertThat(tokenizer.encode(ref.get("prompt").asText())).containsExactly(Fixtures.ints(ref.get("input_ids_cond")));
        assertThat(tokenizer.encode("")).containsExactly(Fixtures.ints(ref.get("input_ids_uncond")));
        assertThat(tokenizer.bosId()).isEqualTo(766);
        assertThat(tokenizer.eosId()).isEqualTo(767);
    }

    @Test
    void truncatesLongPromptsToBosSeventyFiveIdsAndEos() throws IOException {
        ClipTokenizer tokenizer = ClipTokenizer.read(Fixtures.dir("tiny-sd-onnx").resolve("tokenizer"));
        String longPrompt = "a photo of an astronaut riding a horse on mars ".repeat(20);
        int[] all = tokenizer.tokens(longPrompt);
        assertThat(all.length).isGreaterThan(75);
        int[] ids = tokenizer.encode(longPrompt);
        assertThat(ids).hasSize(77);
        assertThat(ids[0]).isEqualTo(766);
        assertThat(Arrays.copyOfRange(ids, 1, 76)).containsExactly(Arrays.copyOf(all, 75));
        assertThat(ids[76]).isEqualTo(767);
    }

    @Test
    void readsThePadTokenAndLengthFromTokenizerConfig(@TempDir Path dir) throws IOException {
        Path source = Fixtures.dir("tiny-sd-onnx").resolve("tokenizer");
        Files.copy(source.resolve("vocab.json"), dir.resolve("vocab.json"));
        Files.copy(source.resolve("merges.txt"), dir.resolve("merges.txt"));
        // SD 2.x pads with "!" (id 0) and a shorter context here shows model_max_length is honoured
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {"bos_token": {"content": "<|startoftext|>"}, "eos_token": "<|endoftext|>", "pad_token": "!",
                 "model_max_length": 8}""");
        ClipTokenizer tokenizer = ClipTokenizer.read(dir);
        assertThat(tokenizer.padId()).isZero();
        int[] words = tokenizer.tokens("a cat");
        assertThat(words).startsWith(320).hasSizeLessThan(6); // a</w> is 320, as in real CLIP
        int[] expected = new int[8];
        expected[0] = 766;
        System.arraycopy(words, 0, expected, 1, words.length);
        expected[words.length + 1] = 767; // the rest stays 0: "!"
        assertThat(tokenizer.encode("a cat")).containsExactly(expected);
    }

    @Test
    void namesTheMissingFiles(@TempDir Path dir) {
        assertThatThrownBy(() -> ClipTokenizer.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("vocab.json").hasMessageContaining("merges.txt");
    }
}
