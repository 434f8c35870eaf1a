package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaModelTest {

    @Test
    void greedyDecodingOfStories260kReproducesTheGoldenContinuation() {
        LlamaCheckpoint checkpoint = TestModels.storiesBin();
        try (LlamaModel model = TestModels.load(checkpoint); Sequence seq = model.newSequence(128)) {
            int[] prompt = checkpoint.tokenizer().encode("Once upon a time", true);
            float[] logits = model.forward(List.of(new LlamaModel.Chunk(seq, prompt)))[0];
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int prev = prompt[prompt.length - 1];
            for (int i = 0; i < 40; i++) {
                int next = argmax(logits);
                text.writeBytes(checkpoint.tokenizer().decode(prev, next));
                prev = next;
                logits = model.forward(List.of(new LlamaModel.Chunk(seq, new int[] {next})))[0];
            }
            assertThat(text.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith(", there was a little girl named Lily. She loved to play outside in the park.");
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
