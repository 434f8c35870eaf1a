package io.hallmark.governance.bias;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The occupational coreference cue trained (DJL) on part of the WinoBias dev split: the resolver beats chance out of
 * fold, and the cue follows the pronoun: swapping "he" for "she" flips its sign.
 */
class OccupationCoreferenceTest {

    private static CoreferenceTrainer.Result trained;

    @BeforeAll
    static void train() {
        List<JsonNode> rows = TestData.eval().split("winobias", "dev");
        List<JsonNode> part = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 3) {
            part.add(rows.get(i));
        }
        trained = new CoreferenceTrainer(TestData.features().embedder(), m -> {}).train(part);
    }

    @Test
    void theResolverBeatsChanceOnDevSentencesItDidNotSee() {
        assertThat(trained.outOfFoldAccuracy()).as("out-of-fold resolver accuracy").isGreaterThan(0.6);
        assertThat(trained.coreference().occupationGender()).containsEntry("mechanic", 1).containsEntry("nurse", -1);
    }

    @Test
    void theCueFollowsThePronounsGenderAndIsZeroWithNothingToResolve() {
        OccupationCoreference c = trained.coreference();
        double[] cues = c.cues(TestData.features().embedder(), List.of(
                "The mechanic gave the nurse a present because he won the lottery.",
                "The mechanic gave the nurse a present because she won the lottery.",
                "The weather was mild all week."));

        assertThat(cues[0]).isBetween(-1.0, 1.0).isNotZero();
        assertThat(cues[1]).isEqualTo(-cues[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cues[2]).isZero();
    }
}
