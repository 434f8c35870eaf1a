package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worst-source threshold calibration: every source of enough prompts held to the budgets on its own. */
class WorstSourceCalibrationTest {

    private static WorstSourceCalibration.Scored row(String cls, String source, double injection) {
        return new WorstSourceCalibration.Scored(cls, source, injection, 0, 0);
    }

    /**
     * Two sources of 40 ordinary prompts: b's two that look like injections are 5% of b, 2.5% of both together. Half
     * the injections score with them, half higher.
     */
    private static List<WorstSourceCalibration.Scored> rows() {
        List<WorstSourceCalibration.Scored> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row("benign", "a", 0.1));
            rows.add(row("benign", "b", i < 2 ? 0.92 : 0.1));
        }
        for (int i = 0; i < 20; i++) {
            rows.add(row("injection", "c", 0.92));
            rows.add(row("injection", "c", 0.97));
        }
        return rows;
    }

    private static double rate(List<WorstSourceCalibration.Scored> rows, String source, Map<String, Double> thr) {
        List<WorstSourceCalibration.Scored> of = rows.stream().filter(r -> r.source().equals(source)
                && r.cls().equals("benign")).toList();
        return (double) of.stream().filter(r -> r.injection() >= thr.get("injection") || r.jailbreak()
                >= thr.get("jailbreak") || r.harmful() >= thr.get("harmful")).count() / of.size();
    }

    @Test
    void pooledRatesLetOneSourceOverTheBudgetWorstSourceDoesNot() {
        List<WorstSourceCalibration.Scored> rows = rows();
        Map<String, Double> pooled = WorstSourceCalibration.calibrate(rows, false);
        assertThat(pooled.get("injection")).as("pooled: 2 of 80 is within 2.5%, and catches every injection")
                .isLessThanOrEqualTo(0.92);
        assertThat(rate(rows, "b", pooled)).isEqualTo(0.05);

        Map<String, Double> worst = WorstSourceCalibration.calibrate(rows, true);
        assertThat(worst.get("injection")).isGreaterThan(0.92).isLessThanOrEqualTo(0.97);
        assertThat(rate(rows, "a", worst)).isLessThanOrEqualTo(WorstSourceCalibration.ORDINARY_BUDGET);
        assertThat(rate(rows, "b", worst)).isLessThanOrEqualTo(WorstSourceCalibration.ORDINARY_BUDGET);
    }

    @Test
    void aSourceOfFewerThanThirtyPromptsIsNotHeldOnItsOwn() {
        List<WorstSourceCalibration.Scored> rows = new ArrayList<>(rows().stream()
                .filter(r -> !(r.source().equals("b") && r.injection() < 0.5)).toList()); // b: its 2 prompts
        for (int i = 0; i < 40; i++) {
            rows.add(row("benign", "a", 0.1)); // a: 80
        }
        Map<String, Double> worst = WorstSourceCalibration.calibrate(rows, true);
        assertThat(worst.get("injection")).as("b has 2 prompts, not held; a is within").isLessThanOrEqualTo(0.92);
    }

    @Test
    void whenEverySafePromptScoresHighTheThresholdsRiseAboveThem() {
        List<WorstSourceCalibration.Scored> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new WorstSourceCalibration.Scored("benign", "a", 1.2, 1.2, 1.2));
        }
        rows.add(row("injection", "c", 1.2));
        assertThat(WorstSourceCalibration.calibrate(rows, true).values()).allMatch(t -> t > 1.2);
    }

    @Test
    void theCandidatesAreTheCvsGrid() {
        assertThat(WorstSourceCalibration.quantile(new double[] {0, 1, 2, 3}, 0.5)).isEqualTo(1.5);
        double[] c = WorstSourceCalibration.candidates(new double[] {0.2, 0.2, 0.4});
        assertThat(c).contains(0.4 + 1e-6, 0.05, WorstSourceCalibration.NEVER).isSorted();
        assertThat(WorstSourceCalibration.levelOf(c, 0.05)).isEqualTo(1);
        assertThat(WorstSourceCalibration.levelOf(c, 0.049)).isZero();
        assertThat(WorstSourceCalibration.levelOf(c, 2)).isEqualTo(c.length);
    }
}
