package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The output toxicity screen reads a sentence that leans on the one before (a pronoun opening, a fragment) together
 * with it, and keeps the lower score; a sentence that stands alone is read alone. A toxicity head fitted here on
 * ToxiGen dev statements (hate against neutral) scores the sentences.
 */
class ToxicityInContextTest {

    private static final DjlTraining.Settings SETTINGS = new DjlTraining.Settings(15, 32, 0.005f, 3e-4f, 1);

    private static TextFeatures features;
    private static LogisticModel head;
    private static SafetyModel model;

    @BeforeAll
    static void fit() {
        features = TestData.features();
        List<String> hate = new ArrayList<>();
        List<String> neutral = new ArrayList<>();
        for (var row : new SafetyData(TestData.eval()).toxigen("dev")) {
            (row.path("label").asText().equals("hate") ? hate : neutral).add(row.path("text").asText());
        }
        List<String> texts = new ArrayList<>(hate);
        texts.addAll(neutral);
        float[] y = new float[texts.size()];
        java.util.Arrays.fill(y, 0, hate.size(), 1f);
        head = DjlTraining.logistic("test-toxicity", features.features(texts).toArray(float[][]::new), y, null, true,
                SETTINGS);
        SafetyModel.Head toxicity = new SafetyModel.Head(head, 0.5, 0);
        model = new SafetyModel(features.embedder().name(), Map.of("injection", toxicity, "jailbreak", toxicity,
                "harmful", toxicity, "toxicity", toxicity), "test");
    }

    private double alone(String sentence) {
        return model.head("toxicity").score(head.probability(features.features(sentence)));
    }

    @Test
    void aPronounLedSentenceScoresTheLowerOfItsReadingAloneAndAfterItsAntecedent() {
        SafetyScreen screen = new SafetyScreen(model, features);
        String antecedent = "Tom and Lily went to the park with their mother.";
        String leaning = "They are scared of the big dog.";
        String standing = "The big dog barked at the gate.";

        double expectedLeaning = Math.min(alone(leaning), alone(antecedent + " " + leaning));

        assertThat(screen.toxicity(antecedent + " " + leaning).score()).as("the higher of the two sentences' scores")
                .isCloseTo(Math.max(alone(antecedent), expectedLeaning), within());
        assertThat(screen.toxicity(antecedent + " " + standing).score())
                .isCloseTo(Math.max(alone(antecedent), alone(standing)), within());
        assertThat(screen.toxicity(leaning).score()).as("a first sentence has no antecedent: read alone")
                .isCloseTo(alone(leaning), within());
    }

    @Test
    void hateAfterAGroupIsStillReadWithTheGroup() {
        SafetyScreen screen = new SafetyScreen(model, features);
        String text = "Immigrants keep moving into our town. They are all criminals and should be sent back.";

        SafetyScreen.Toxicity tox = screen.toxicity(text);

        double second = Math.min(alone("They are all criminals and should be sent back."), alone(text));
        assertThat(tox.score()).isCloseTo(Math.max(alone("Immigrants keep moving into our town."), second), within());
        assertThat(alone(text)).as("the group and the slur read together are still hateful").isGreaterThan(0.8);
    }

    @Test
    void whichSentencesLeanOnTheOneBefore() {
        assertThat(SafetyScreen.leansOnContext("They are scared.")).isTrue();
        assertThat(SafetyScreen.leansOnContext("\"We need to be mean.")).isTrue();
        assertThat(SafetyScreen.leansOnContext("And they are not angry anymore.")).isTrue();
        assertThat(SafetyScreen.leansOnContext("They")).isTrue();
        assertThat(SafetyScreen.leansOnContext("Tom ran home.")).as("a fragment of three words").isTrue();
        assertThat(SafetyScreen.leansOnContext("Theodore went to the market today.")).isFalse();
        assertThat(SafetyScreen.leansOnContext("Lily and Tom went to the park.")).isFalse();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
