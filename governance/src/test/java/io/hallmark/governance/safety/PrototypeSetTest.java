package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrototypeSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PrototypeSet set(int top) {
        return PrototypeSet.of("test-embedder", 3, top, Map.of(
                PrototypeSet.SAFE, List.of(new float[] {1, 0, 0}, new float[] {0.9f, 0.1f, 0}),
                "injection", List.of(new float[] {0, 2, 0}, new float[] {0, 1, 1}),
                "harmful", List.of(new float[] {0, 0, 5})));
    }

    @Test
    void scoresByTheNearestPrototypesAgainstTheSafeOnes() {
        PrototypeSet p = set(1);
        // exactly an injection prototype, orthogonal to the first safe one: top(injection) = 1, top(safe) = cos to (0.9, 0.1, 0)
        double safeSim = 0.1 / Math.sqrt(0.82);
        assertThat(p.probability("injection", new float[] {0, 3, 0})).isCloseTo((1 + 1 - safeSim) / 2, within(1e-3));
        // exactly the safe direction: nearer the safe prototypes than the injection ones
        assertThat(p.probability("injection", new float[] {1, 0, 0})).isLessThan(0.5);
        assertThat(p.probability("harmful", new float[] {0, 0, 1})).isGreaterThan(0.9);
    }

    @Test
    void averagesTheTopPrototypesOfAClass() {
        PrototypeSet one = set(1);
        PrototypeSet two = set(2);
        float[] q = {0, 1, 0};
        // top 2 of injection: cos 1 and cos 1/sqrt(2); of safe: 0.1/sqrt(0.82) and 0
        double expected = (1 + (1 + 1 / Math.sqrt(2)) / 2 - (0.1 / Math.sqrt(0.82)) / 2) / 2;
        assertThat(two.probability("injection", q)).isCloseTo(expected, within(1e-3));
        assertThat(two.probability("injection", q)).isLessThan(one.probability("injection", q));
        // top larger than a class: its mean over all it has
        assertThat(PrototypeSet.of("e", 3, 5, Map.of(PrototypeSet.SAFE, List.of(new float[] {1, 0, 0}),
                "harmful", List.of(new float[] {0, 0, 1}))).probability("harmful", new float[] {0, 0, 1}))
                .isCloseTo(1.0, within(1e-3));
    }

    @Test
    void survivesItsStoredFormAtHalfPrecision() throws Exception {
        PrototypeSet p = set(2);
        String json = JSON.writeValueAsString(p);
        assertThat(json).contains("\"embedder\":\"test-embedder\"").contains("\"counts\"");
        PrototypeSet back = JSON.readValue(json, PrototypeSet.class);
        assertThat(back.counts()).isEqualTo(Map.of("safe", 2, "injection", 2, "harmful", 1));
        assertThat(back.top()).isEqualTo(2);
        for (float[] q : List.of(new float[] {0.3f, 0.5f, 0.2f}, new float[] {1, 0, 0}, new float[] {0, 0, 1})) {
            assertThat(back.probability("injection", q)).isEqualTo(p.probability("injection", q));
            assertThat(back.probability("harmful", q)).isEqualTo(p.probability("harmful", q));
        }
    }

    @Test
    void refusesWhatItCannotScore() {
        PrototypeSet p = set(1);
        assertThatThrownBy(() -> p.probability("jailbreak", new float[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jailbreak");
        assertThatThrownBy(() -> p.probability(PrototypeSet.SAFE, new float[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.probability("injection", new float[] {1, 0}))
                .hasMessageContaining("2 values");
        assertThatThrownBy(() -> PrototypeSet.of("e", 3, 1, Map.of("harmful", List.of(new float[] {1, 0, 0}))))
                .hasMessageContaining("safe");
        assertThatThrownBy(() -> PrototypeSet.of("e", 3, 0, Map.of(PrototypeSet.SAFE, List.of(new float[] {1, 0, 0}))))
                .hasMessageContaining("positive");
    }

    @Test
    void aSafetyModelScoresItsPrototypeHeadsByThem() {
        var heads = Map.of("injection", new SafetyModel.Head(null, 0.6, 0.5),
                "toxicity", new SafetyModel.Head(new io.hallmark.governance.ml.LogisticModel(new float[] {1, 0, 0}, 0),
                        0.5, 0.5));
        SafetyModel m = new SafetyModel("minilm", heads, "test", null, set(1));
        assertThat(m.byPrototypes("injection")).isTrue();
        assertThat(m.byPrototypes("toxicity")).isFalse();
        assertThat(m.probability("injection", new float[] {0, 3, 0})).isGreaterThan(0.9);
        assertThat(m.probability("toxicity", new float[] {0, 0, 0})).isEqualTo(0.5);
        SafetyModel noPrototypes = new SafetyModel("minilm", heads, "test");
        assertThatThrownBy(() -> noPrototypes.probability("injection", new float[] {0, 3, 0}))
                .hasMessageContaining("neither");
    }

    @Test
    void aSetOfTheShippedSizeRoundTripsThroughTheArtifactReader() throws Exception {
        // ~21,600 safe prototypes of 384 values: one base64 string per class was 20,054,016 characters, over the
        // 20,000,000 Jackson reads by default, so the shipped model could be written but not loaded
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<float[]> safe = new java.util.ArrayList<>();
        for (int r = 0; r < 21_600; r++) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            safe.add(v);
        }
        List<float[]> harmful = List.of(safe.get(0), safe.get(1));
        PrototypeSet p = PrototypeSet.of("bge-small-en-v15-q", 384, 3, Map.of(PrototypeSet.SAFE, safe,
                "harmful", harmful));
        byte[] bytes = io.hallmark.governance.artifact.CanonicalJson.bytes(p);
        assertThat(bytes.length).isGreaterThan(20_000_000);
        PrototypeSet back = io.hallmark.governance.artifact.CanonicalJson.MAPPER.readValue(bytes, PrototypeSet.class);
        assertThat(back.counts()).isEqualTo(Map.of("safe", 21_600, "harmful", 2));
        assertThat(back.vectors().get("safe")).hasSize((21_600 + PrototypeSet.ROWS_PER_CHUNK - 1)
                / PrototypeSet.ROWS_PER_CHUNK);
        float[] q = safe.get(12_345);
        assertThat(back.probability("harmful", q)).isEqualTo(p.probability("harmful", q));
        assertThat(JSON.readValue(JSON.writeValueAsBytes(p), PrototypeSet.class).probability("harmful", q))
                .isEqualTo(p.probability("harmful", q));
    }
}
