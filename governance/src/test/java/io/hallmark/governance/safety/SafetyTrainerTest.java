package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings search on a slice of the real dev sets: what it chose is saved with the model and read back. */
class SafetyTrainerTest {

    private static final SafetyGrid GRID = new SafetyGrid(new int[] {3, 8}, new float[] {0.003f, 0.01f},
            new float[] {3e-4f}, new int[] {64}, new double[] {1, 3}, new double[] {1}, 7);

    @Test
    void theChosenSettingsAndTheDevGridAreSavedWithTheModel(@TempDir Path dir) {
        SafetyData data = new SafetyData(TestData.eval());
        Map<String, List<LabeledText>> sets = new LinkedHashMap<>();
        sets.put("injection", slice(data.injection()));
        sets.put("jailbreak", slice(data.jailbreak()));
        sets.put("harmful", slice(data.harmful()));
        sets.put("toxicity", slice(data.toxicity()));
        List<String> log = new ArrayList<>();
        SafetyModel model = new SafetyTrainer(TestData.features(), log::add, GRID).train(sets, "a dev slice");

        SafetyModel.Tuning tuning = model.tuning();
        assertThat(tuning).isNotNull();
        assertThat(tuning.safeFalsePositiveBudget()).isEqualTo(SafetyTrainer.SAFE_FPR_BUDGET);
        assertThat(tuning.safeFalsePositiveRate()).isLessThanOrEqualTo(SafetyTrainer.SAFE_FPR_BUDGET);
        assertThat(tuning.instructionFalsePositiveBudget()).isEqualTo(SafetyTrainer.INSTRUCTION_FPR_BUDGET);
        assertThat(tuning.instructionFalsePositiveRate()).isLessThanOrEqualTo(SafetyTrainer.INSTRUCTION_FPR_BUDGET);
        assertThat(tuning.sourceFalsePositives().get("injection")).containsKeys("deepset", "instructions");
        assertThat(tuning.grid().get("injection")).hasSize(GRID.size("injection")).hasSize(8);
        assertThat(tuning.grid().get("toxicity")).as("no safe-prompt weight for the output head").hasSize(4);
        model.heads().forEach((head, h) -> {
            List<SafetyModel.GridRow> chosen = tuning.grid().get(head).stream().filter(SafetyModel.GridRow::chosen)
                    .toList();
            assertThat(chosen).as(head).hasSize(Math.min(SafetyTrainer.AVERAGED, GRID.size(head)));
            assertThat(h.settings()).as(head).containsExactlyInAnyOrderElementsOf(chosen.stream()
                    .map(SafetyModel.GridRow::settings).toList());
            double worstChosen = chosen.stream().mapToDouble(SafetyModel.GridRow::devF1).min().orElseThrow();
            assertThat(tuning.grid().get(head).stream().filter(r -> !r.chosen()))
                    .as(head + " averages its best candidates").allMatch(r -> r.devF1() <= worstChosen);
            assertThat(h.settings()).allMatch(s -> s.training().epochs() == 3 || s.training().epochs() == 8);
            assertThat(h.threshold()).isBetween(ThresholdCalibration.LOWEST, ThresholdCalibration.HIGHEST);
        });
        assertThat(model.head("injection").devF1()).as("out-of-fold injection F1 on the slice (flagging everything: about 0.4)")
                .isGreaterThan(0.5);
        assertThat(log).anyMatch(l -> l.contains("of XSTest dev safe prompts out of fold"));

        Path file = dir.resolve(SafetyModel.FILE);
        model.save(file);
        SafetyModel loaded = SafetyModel.load(file);
        assertThat(loaded.tuning()).isEqualTo(tuning);
        model.heads().forEach((head, h) -> {
            SafetyModel.Head l = loaded.head(head);
            assertThat(l.settings()).isEqualTo(h.settings());
            assertThat(l.threshold()).isEqualTo(h.threshold());
            assertThat(l.model().weights()).containsExactly(h.model().weights());
        });
    }

    @Test
    void aModelFileWrittenBeforeHeadsWereAveragedStillLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SafetyModel.FILE);
        java.nio.file.Files.writeString(file, """
                {"embedder":"all-minilm-l6-v2","trainedOn":"an older version","heads":{"injection":{
                  "model":{"weights":[0.5,-0.25],"bias":0.1},"threshold":0.65,"devF1":0.92,
                  "settings":{"training":{"epochs":40,"batchSize":32,"learningRate":0.01,"weightDecay":3.0E-4,"seed":5},
                              "safeWeight":3.0}}},
                 "tuning":{"folds":4,"safeFalsePositiveBudget":0.05,"safeFalsePositiveRate":0.04,"xstestUnsafeRecall":0.12,
                           "grid":{}}}
                """);
        SafetyModel model = SafetyModel.load(file);
        assertThat(model.head("injection").settings()).singleElement()
                .satisfies(s -> assertThat(s.safeWeight()).isEqualTo(3.0));
        assertThat(model.tuning().sourceRecall()).isNull();
        assertThat(model.tuning().sourceFalsePositives()).isNull();
        assertThat(model.tuning().instructionFalsePositiveRate()).isNull();
        assertThat(model.head("injection").model().probability(new float[] {1, 0}))
                .isEqualTo(io.hallmark.governance.ml.LogisticModel.sigmoid(0.6));
    }

    @Test
    void averagingLogisticModelsAveragesTheirLogits() {
        var a = new io.hallmark.governance.ml.LogisticModel(new float[] {1, 2}, 0.5);
        var b = new io.hallmark.governance.ml.LogisticModel(new float[] {3, -2}, -1.5);
        var mean = io.hallmark.governance.ml.LogisticModel.average(List.of(a, b));
        float[] x = {0.3f, -0.7f};
        assertThat(mean.logit(x)).isCloseTo((a.logit(x) + b.logit(x)) / 2, org.assertj.core.data.Offset.offset(1e-6));
        assertThatThrownBy(() -> io.hallmark.governance.ml.LogisticModel.average(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> io.hallmark.governance.ml.LogisticModel.average(List.of(a,
                new io.hallmark.governance.ml.LogisticModel(new float[] {1}, 0))))
                .hasMessageContaining("Cannot average models of 2 and 1 features");
    }

    @Test
    void trainingNeedsASetPerHead() {
        assertThatThrownBy(() -> new SafetyTrainer(TestData.features(), m -> {}, GRID).train(
                Map.of("injection", List.of()), "nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Need a training set for each of");
    }

    /** Every fourth text and all of XSTest dev (the budget's prompts), so the slice stays quick to embed and fit. */
    private static List<LabeledText> slice(List<LabeledText> set) {
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            LabeledText t = set.get(i);
            if (i % 4 == 0 || (t.group() != null && t.group().startsWith("xstest:"))) {
                out.add(t);
            }
        }
        return out;
    }
}
