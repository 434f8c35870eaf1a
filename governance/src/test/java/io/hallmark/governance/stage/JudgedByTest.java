package io.hallmark.governance.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What judged a decision survives the trip through a report's JSON, and a model on record always has a hash. */
class JudgedByTest {

    @Test
    void aRecordRoundTripsThroughItsMapWithModelsSorted() {
        JudgedBy judged = JudgedBy.builder().model("safety", "5".repeat(64)).model("bias", "b".repeat(64))
                .knowledgeBase("default", "lucene-v12").policy("default", "c".repeat(64)).build();

        Map<String, Object> map = judged.toMap();

        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) map.get("models")).keySet())).containsExactly("bias", "safety");
        assertThat(map).containsEntry("knowledgeBaseSnapshot", "lucene-v12").containsEntry("policy", "default");
        assertThat(JudgedBy.fromMap(map)).isEqualTo(judged);
        assertThat(JudgedBy.fromMap(null).models()).isEmpty();
    }

    @Test
    void aModelWithoutAHashIsRefused() {
        assertThatThrownBy(() -> JudgedBy.builder().model("safety", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'safety'");
    }

    @Test
    void aFailedChecksModelsAreNotOnRecord() {
        Assessment kept = new Assessment();
        new GovernanceStage(java.util.List.of(new Assessor() {
            @Override
            public String name() {
                return "ok";
            }

            @Override
            public void assess(AssessmentInput input, Assessment out) {
                out.usedModel("embedder:x", "e".repeat(64));
            }
        }, new Assessor() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void assess(AssessmentInput input, Assessment out) {
                out.usedModel("broken-model", "f".repeat(64));
                throw new IllegalStateException("no");
            }
        })).assess(new AssessmentInput(io.hallmark.api.Modality.TEXT, "p", "t", null, "text/plain", Map.of()))
                .judgedBy().models().forEach(kept::usedModel);

        assertThat(kept.judgedBy().models()).containsOnlyKeys("embedder:x");
    }
}
