package io.hallmark.governance.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.PrototypeTrainer;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.governance.testing.TestData;
import io.hallmark.retrieval.embed.Embedder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed safety design picks the trainer; design 15 needs its embedder and records it and the authored files. */
class ArtifactTrainerDesignTest {

    /** A deterministic stand-in embedder (a hashed bag of characters), so that no model is loaded. */
    static final class HashEmbedder implements Embedder {
        private final String name;

        HashEmbedder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            return texts.stream().map(this::embedQuery).toList();
        }

        @Override
        public float[] embedQuery(String t) {
            float[] v = new float[8];
            t.chars().forEach(c -> v[c % 8] += 1);
            return v;
        }
    }

    private static TunedSettings withDesign(String design) {
        ObjectNode doc = TunedSettings.committed().document().deepCopy();
        ((ObjectNode) doc.get("safety")).put("design", design);
        return new TunedSettings(doc);
    }

    @Test
    void theCommittedDesignIsDesignFifteen() {
        // design 15 shipped in issue 18's session 12 (docs/evaluation/safety-and-bias.md, its decision rule)
        assertThat(ArtifactTrainer.safetyDesign(TunedSettings.committed())).isEqualTo(PrototypeTrainer.DESIGN);
        assertThat(ArtifactTrainer.safetyDesign(withDesign("logistic"))).isEqualTo(ArtifactTrainer.LOGISTIC);
        assertThatThrownBy(() -> ArtifactTrainer.safetyDesign(withDesign("forest")))
                .hasMessageContaining("'forest'").hasMessageContaining(PrototypeTrainer.DESIGN);
    }

    @Test
    void designFifteenWithoutThePrototypeEmbedderRefuses() {
        ArtifactTrainer trainer = new ArtifactTrainer(new TextFeatures(new HashEmbedder("mini")),
                withDesign(PrototypeTrainer.DESIGN), m -> { });
        assertThatThrownBy(() -> trainer.train("safety", TestData.eval()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the prototype embedder");
    }

    @Test
    void designFifteenTrainsPrototypesAndRecordsTheEmbedderAndTheAuthoredFiles() throws Exception {
        ArtifactTrainer trainer = new ArtifactTrainer(new TextFeatures(new HashEmbedder("mini")),
                withDesign(PrototypeTrainer.DESIGN), m -> { },
                () -> new TextFeatures(new HashEmbedder("proto")));
        GovernanceArtifact a = trainer.train("safety", TestData.eval());
        assertThat(a.manifest()).containsEntry("prototypeEmbedder", "proto").containsEntry("embedder", "mini")
                .containsEntry("safetyDesign", PrototypeTrainer.DESIGN);
        @SuppressWarnings("unchecked")
        Map<String, String> authored = (Map<String, String>) a.manifest().get("authoredFiles");
        assertThat(authored).hasSize(9);
        @SuppressWarnings("unchecked")
        Map<String, String> files = (Map<String, String>) a.manifest().get("trainingFiles");
        assertThat(files).containsAllEntriesOf(authored).doesNotContainKey("aeslc-email-instructions/dev.jsonl");
        SafetyModel model = CanonicalJson.MAPPER.readValue(a.bytes(), SafetyModel.class);
        assertThat(model.prototypes().embedder()).isEqualTo("proto");
        assertThat(model.byPrototypes("harmful")).isTrue();
        assertThat(model.head("toxicity").model()).isNotNull();
        assertThat(model.tuning().sourceHeldOut().thresholdsPerHeldOutSource()).doesNotContainKey("alpacaeval-queries");
    }
}
