package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The joint false-positive budget on a dev slice: an injection and a harmful-request head, each scored out of fold
 * (XSTest families held out whole), calibrated together; the safe prompts they flag are counted here independently.
 */
class ThresholdCalibrationTest {

    private static final DjlTraining.Settings SETTINGS = new DjlTraining.Settings(10, 32, 0.01f, 3e-4f, 1);

    private static Map<String, ThresholdCalibration.OutOfFold> heads;
    private static List<String> safePrompts;

    @BeforeAll
    static void scoreADevSliceOutOfFold() {
        SafetyData data = new SafetyData(TestData.eval());
        TextFeatures features = TestData.features();
        heads = new LinkedHashMap<>();
        heads.put("injection", outOfFold(slice(data.injection()), features));
        heads.put("harmful", outOfFold(slice(data.harmful()), features));
        safePrompts = data.xstest("dev", "safe");
    }

    /** Every third text, and all XSTest dev prompts (the hard negatives the budget is about). */
    private static List<LabeledText> slice(List<LabeledText> set) {
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (i % 3 == 0 || (set.get(i).group() != null && set.get(i).group().startsWith("xstest:"))) {
                out.add(set.get(i));
            }
        }
        return out;
    }

    private static ThresholdCalibration.OutOfFold outOfFold(List<LabeledText> set, TextFeatures features) {
        List<float[]> x = features.features(set.stream().map(LabeledText::text).toList());
        int[] fold = SafetyTrainer.folds(set);
        double[] p = new double[set.size()];
        for (int f = 0; f < SafetyTrainer.FOLDS; f++) {
            List<float[]> trainX = new ArrayList<>();
            List<Float> trainY = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                if (fold[i] != f) {
                    trainX.add(x.get(i));
                    trainY.add((float) set.get(i).label());
                }
            }
            float[] y = new float[trainY.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = trainY.get(i);
            }
            LogisticModel m = DjlTraining.logistic("fold", trainX.toArray(float[][]::new), y, null, true, SETTINGS);
            for (int i = 0; i < set.size(); i++) {
                if (fold[i] == f) {
                    p[i] = m.probability(x.get(i));
                }
            }
        }
        return new ThresholdCalibration.OutOfFold(set, p);
    }

    private static int flaggedSafePrompts(Map<String, ThresholdCalibration.Choice> chosen) {
        int flagged = 0;
        for (String prompt : safePrompts) {
            boolean any = false;
            for (Map.Entry<String, ThresholdCalibration.OutOfFold> e : heads.entrySet()) {
                ThresholdCalibration.OutOfFold o = e.getValue();
                for (int i = 0; i < o.set().size(); i++) {
                    if (o.set().get(i).text().equals(prompt) && o.probability()[i] >= chosen.get(e.getKey()).threshold()) {
                        any = true;
                    }
                }
            }
            flagged += any ? 1 : 0;
        }
        return flagged;
    }

    @Test
    void theHeadsTogetherFlagNoMoreSafePromptsThanTheBudgetAllows() {
        Map<String, ThresholdCalibration.Choice> loose = ThresholdCalibration.calibrate(heads, Map.of(), Map.of());
        assertThat(flaggedSafePrompts(loose)).as("safe prompts flagged with no budget").isGreaterThan(3);
        for (double budget : new double[] {0.04, 0.02}) {
            Map<String, ThresholdCalibration.Choice> chosen = ThresholdCalibration.calibrate(heads,
                    Map.of(LabeledText.XSTEST_SAFE, budget), Map.of());
            assertThat(flaggedSafePrompts(chosen)).as("flagged under budget %s", budget)
                    .isLessThanOrEqualTo((int) Math.floor(budget * safePrompts.size()));
            assertThat(ThresholdCalibration.jointRate(heads, chosen, LabeledText.XSTEST_SAFE))
                    .isLessThanOrEqualTo(budget);
            chosen.forEach((head, c) -> {
                assertThat(c.threshold()).as(head).isGreaterThanOrEqualTo(loose.get(head).threshold());
                assertThat(c.f1()).as(head).isEqualTo(heads.get(head).f1(c.threshold()));
            });
        }
    }

    @Test
    void withNoBudgetEachHeadKeepsItsBestF1Threshold() {
        Map<String, ThresholdCalibration.Choice> loose = ThresholdCalibration.calibrate(heads, Map.of(), Map.of());
        heads.forEach((head, o) -> {
            double best = ThresholdCalibration.grid().stream().mapToDouble(o::f1).max().orElseThrow();
            assertThat(loose.get(head).f1()).as(head).isEqualTo(best);
        });
        assertThat(loose.get("injection").f1()).as("out-of-fold injection F1 on the slice (flagging everything: about 0.4)")
                .isGreaterThan(0.5);
    }

    @Test
    void everySourceOfPositivesWeighsTheSameInF1() {
        List<LabeledText> set = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            set.add(LabeledText.pos("easy " + i, "large"));
            p.add(0.9);
        }
        for (int i = 0; i < 10; i++) {
            set.add(LabeledText.pos("hard " + i, "small"));
            p.add(0.2);
        }
        for (int i = 0; i < 100; i++) {
            set.add(LabeledText.neg("benign " + i, "benign"));
            p.add(0.1);
        }
        ThresholdCalibration.OutOfFold o = new ThresholdCalibration.OutOfFold(set,
                p.stream().mapToDouble(Double::doubleValue).toArray());
        // at 0.5: pooled F1 would be 2*90/(2*90+10) = 0.947; each source weighing half: tp 50, fn 50 -> 100/150
        assertThat(o.f1(0.5)).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.f1(0.15)).as("every positive found, no negative flagged").isEqualTo(1.0);
        assertThat(o.recallBySource(0.5)).containsExactly(Map.entry("large", 1.0), Map.entry("small", 0.0));
        assertThat(o.best(Map.of()).threshold()).isEqualTo(0.11);
    }

    @Test
    void cappedPromptsAreHeldToTheirBudgetsAndLeftOutOfF1AndTrainingOnlyTextsAreIgnored() {
        List<LabeledText> set = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            set.add(LabeledText.pos("attack " + i, "attacks"));
            p.add(0.9);
        }
        for (int i = 0; i < 10; i++) {
            set.add(LabeledText.neg("safe question " + i, "xstest").capped(LabeledText.XSTEST_SAFE));
            p.add(i == 0 ? 0.8 : 0.1);
        }
        for (int i = 0; i < 100; i++) {
            set.add(LabeledText.neg("instruction " + i, "instructions").capped(LabeledText.INSTRUCTIONS));
            p.add(i < 5 ? 0.6 : 0.1);
        }
        for (int i = 0; i < 20; i++) {
            set.add(LabeledText.neg("benign " + i, "benign"));
            p.add(0.1);
        }
        for (int i = 0; i < 5; i++) {
            set.add(LabeledText.neg("sentence " + i, "train-only").unscored());
            p.add(0.95);
        }
        ThresholdCalibration.OutOfFold o = new ThresholdCalibration.OutOfFold(set,
                p.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(o.f1(0.5)).as("capped and training-only texts are not in F1").isEqualTo(1.0);
        assertThat(o.best(Map.of()).threshold()).isEqualTo(0.11);
        Map<String, Double> budgets = Map.of(LabeledText.XSTEST_SAFE, 0.0, LabeledText.INSTRUCTIONS, 0.02);
        assertThat(o.best(budgets).threshold()).as("above the flagged safe question and 3 of the 5 instructions")
                .isEqualTo(0.81);
        assertThat(o.best(Map.of(LabeledText.INSTRUCTIONS, 0.05)).threshold()).isEqualTo(0.11);
        assertThat(o.falsePositivesBySource(0.5)).containsExactly(Map.entry("benign", 0.0),
                Map.entry("instructions", 0.05), Map.entry("xstest", 0.1));
        Map<String, ThresholdCalibration.Choice> chosen = ThresholdCalibration.calibrate(Map.of("head", o), budgets,
                Map.of());
        assertThat(chosen.get("head").threshold()).isEqualTo(0.81);
        assertThat(ThresholdCalibration.jointRate(Map.of("head", o), chosen, LabeledText.INSTRUCTIONS)).isZero();
    }

    @Test
    void aBudgetOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> ThresholdCalibration.calibrate(heads, Map.of(LabeledText.XSTEST_SAFE, 1.5), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1, got 1.5");
    }
}
